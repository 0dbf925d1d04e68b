package dev.odoobridge.embedded.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The value type of the embedded store's document maps: documents are written as BSON behind a
 * tag byte H2's object type never writes, instead of with Java serialization (several times
 * slower both ways, and larger). Values written by the stock backend (Java-serialized) are still
 * read, so an older file opens as it is and its documents move to BSON as they are rewritten.
 */
final class StoredDocumentType extends ObjectDataType {
    /** Not a type or tag byte of {@link ObjectDataType} (they end at 119). */
    static final byte BSON_TAG = 127;

    @Override
    public void write(WriteBuffer buff, Object obj) {
        if (!(obj instanceof Document document)) {
            super.write(buff, obj);
            return;
        }
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
            int length = bson.readableBytes();
            buff.put(BSON_TAG).putVarInt(length);
            buff.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
        } finally {
            bson.release();
        }
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != BSON_TAG) {
            return super.read(buff);
        }
        buff.get();
        int length = DataUtils.readVarInt(buff);
        byte[] bytes = new byte[length];
        buff.get(bytes);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
    }

    @Override
    public int getMemory(Object obj) {
        if (obj instanceof Document document) {
            // a rough in-memory size for the page cache's accounting: entry objects and short values
            return 64 + 80 * document.size();
        }
        return super.getMemory(obj);
    }
}
