// A device running WatermelonDB's own synchronize() (LokiJS adapter, in memory) against the feed.
// Usage: node sync-device.js <base url of /sync/<source>> <control url> <api key>
// Prints one JSON line per step; the Java IT asserts on them.
'use strict'
const { Database, Model, appSchema, tableSchema } = require('@nozbe/watermelondb')
const LokiJSAdapter = require('@nozbe/watermelondb/adapters/lokijs').default
const { synchronize } = require('@nozbe/watermelondb/sync')

const [base, control, key] = process.argv.slice(2)

// WatermelonDB reports what it finds wrong in a pull through console.error / console.warn ("[Sync] Server wants
// client to ..."): collected and reported at the end
const syncErrors = []
for (const level of ['error', 'warn']) {
  const original = console[level]
  console[level] = (...args) => {
    const text = args.map(a => (a && a.stack) || String(a)).join(' ')
    if (text.includes('[Sync]')) syncErrors.push(text)
    original.apply(console, args)
  }
}

const schema = appSchema({
  version: 1,
  tables: [
    tableSchema({ name: 'products', columns: [
      { name: 'odoo_id', type: 'number', isOptional: true }, { name: 'name', type: 'string', isOptional: true },
      { name: 'default_code', type: 'string', isOptional: true }, { name: 'barcode', type: 'string', isOptional: true },
      { name: 'list_price', type: 'number', isOptional: true }, { name: 'qty_on_hand', type: 'number', isOptional: true },
      { name: 'updated_at', type: 'number' } ] }),
    tableSchema({ name: 'partners', columns: [
      { name: 'odoo_id', type: 'number', isOptional: true }, { name: 'name', type: 'string', isOptional: true },
      { name: 'email', type: 'string', isOptional: true }, { name: 'phone', type: 'string', isOptional: true },
      { name: 'street', type: 'string', isOptional: true }, { name: 'city', type: 'string', isOptional: true },
      { name: 'is_company', type: 'boolean' }, { name: 'updated_at', type: 'number' } ] }),
    tableSchema({ name: 'sale_orders', columns: [
      { name: 'odoo_id', type: 'number', isOptional: true }, { name: 'name', type: 'string', isOptional: true },
      { name: 'partner_id', type: 'string', isOptional: true }, { name: 'date_order', type: 'number', isOptional: true },
      { name: 'state', type: 'string', isOptional: true }, { name: 'amount_untaxed', type: 'number', isOptional: true },
      { name: 'amount_total', type: 'number', isOptional: true }, { name: 'updated_at', type: 'number' } ] }),
    tableSchema({ name: 'sale_order_lines', columns: [
      { name: 'odoo_id', type: 'number', isOptional: true }, { name: 'order_id', type: 'string', isOptional: true },
      { name: 'product_id', type: 'string', isOptional: true }, { name: 'name', type: 'string', isOptional: true },
      { name: 'product_uom_qty', type: 'number', isOptional: true }, { name: 'price_unit', type: 'number', isOptional: true },
      { name: 'price_subtotal', type: 'number', isOptional: true }, { name: 'updated_at', type: 'number' } ] }),
  ],
})

class Product extends Model { static table = 'products' }
class Partner extends Model { static table = 'partners' }
class SaleOrder extends Model { static table = 'sale_orders' }
class SaleOrderLine extends Model { static table = 'sale_order_lines' }

const adapter = new LokiJSAdapter({ schema, useWebWorker: false, useIncrementalIndexedDB: false,
  extraLokiOptions: { autosave: false } })
const database = new Database({ adapter, modelClasses: [Product, Partner, SaleOrder, SaleOrderLine] })
const auth = { Authorization: 'Bearer ' + key }

async function sync() {
  let hasMore = true
  let rounds = 0
  while (hasMore) {
    rounds++
    await synchronize({
      database,
      // later pulls send every changed record in `updated`, new ones included (the feed cannot tell which ones the
      // device has): WatermelonDB's documented flag for such a server, with the pull asking the same for a first sync
      sendCreatedAsUpdated: true,
      pullChanges: async ({ lastPulledAt, schemaVersion }) => {
        const r = await fetch(`${base}/pull?last_pulled_at=${lastPulledAt}&schema_version=${schemaVersion}&send_created_as_updated=true`, { headers: auth })
        if (!r.ok) throw new Error(`pull ${r.status}: ${await r.text()}`)
        const { changes, timestamp, has_more } = await r.json()
        hasMore = has_more
        return { changes, timestamp }
      },
      pushChanges: async ({ changes, lastPulledAt }) => {
        const r = await fetch(`${base}/push?last_pulled_at=${lastPulledAt}`, { method: 'POST', headers: auth,
          body: JSON.stringify(changes) })
        if (!r.ok) throw new Error(`push ${r.status}: ${await r.text()}`)
        const answer = await r.json()
        return { experimentalRejectedIds: answer.experimentalRejectedIds }
      },
    })
  }
  return rounds
}

async function all(table) {
  return (await database.get(table).query().fetch()).map(r => r._raw)
}

async function step(name) {
  const r = await fetch(`${control}/${name}`, { method: 'POST' })
  if (!r.ok) throw new Error(`control ${name} ${r.status}: ${await r.text()}`)
  return r.json()
}

function report(stepName, value) {
  console.log(JSON.stringify({ step: stepName, ...value }))
}

async function main() {
  const rounds = await sync()
  const products = await all('products')
  const partners = await all('partners')
  report('first', { rounds, products: products.length, partners: partners.length, orders: (await all('sale_orders')).length,
    idsAreStrings: products.every(p => typeof p.id === 'string' && p.id === String(p.odoo_id)) })

  const changed = await step('change-product')
  await sync()
  const product = (await all('products')).find(p => p.id === String(changed.id))
  report('changed', { name: product && product.name })

  const created = await step('create-partner')
  await sync()
  const newPartner = (await all('partners')).find(p => p.id === String(created.id))
  report('created', { name: newPartner && newPartner.name })

  const customer = partners[0]
  const chosen = products.find(p => p.list_price > 0) || products[0]
  let orderId
  await database.write(async () => {
    const order = await database.get('sale_orders').create(o => {
      o._setRaw('partner_id', customer.id)
      o._setRaw('name', null)
    })
    orderId = order.id
    await database.get('sale_order_lines').create(l => {
      l._setRaw('order_id', order.id)
      l._setRaw('product_id', chosen.id)
      l._setRaw('name', 'offline line')
      l._setRaw('product_uom_qty', 3)
      l._setRaw('price_unit', 2.5)
    })
  })
  await sync() // pull, then push the order
  await sync() // pull it back with Odoo's name and totals
  const orders = (await all('sale_orders')).filter(o => o.id === orderId)
  const lines = (await all('sale_order_lines')).filter(l => l.order_id === orderId)
  report('order', { orderId, copies: orders.length, name: orders[0] && orders[0].name,
    amountTotal: orders[0] && orders[0].amount_total, odooId: orders[0] && orders[0].odoo_id,
    status: orders[0] && orders[0]._status, lines: lines.length, lineSubtotal: lines[0] && lines[0].price_subtotal })

  const deleted = await step('delete-partner')
  await sync()
  const left = (await all('partners')).filter(p => p.id === String(deleted.id))
  report('deleted', { stillThere: left.length })
  report('log', { syncErrors })
}

main().catch(e => { console.error(e && e.stack || e); process.exit(1) })
