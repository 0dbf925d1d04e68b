package dev.odoobridge.client.realodoo;

import dev.odoobridge.client.Transport;

/** The client contract over XML-RPC ({@code /xmlrpc/2}) with the password. */
class XmlRpcContractIT extends ClientContract {
    @Override
    Transport transport() {
        return Transport.XMLRPC;
    }
}
