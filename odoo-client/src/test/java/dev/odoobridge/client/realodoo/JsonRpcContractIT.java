package dev.odoobridge.client.realodoo;

import dev.odoobridge.client.Transport;

/** The client contract over JSON-RPC ({@code /jsonrpc}) with the password. */
class JsonRpcContractIT extends ClientContract {
    @Override
    Transport transport() {
        return Transport.JSONRPC;
    }
}
