package dev.odoobridge.client.internal.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.error.AccessDeniedException;
import dev.odoobridge.client.error.AccessErrorException;
import dev.odoobridge.client.error.InvalidQueryException;
import dev.odoobridge.client.error.MissingRecordException;
import dev.odoobridge.client.error.OdooServerException;
import dev.odoobridge.client.error.ServerFault;
import dev.odoobridge.client.error.UnknownModelException;
import dev.odoobridge.client.error.UserErrorException;
import dev.odoobridge.client.error.ValidationException;
import org.junit.jupiter.api.Test;

class XmlRpcFaultTranslatorTest {

    private static final String FRAMES = "Traceback (most recent call last):\n"
            + "  File \"/usr/lib/python3/dist-packages/odoo/service/model.py\", line 93, in call_kw\n"
            + "    result = method(recs, *args, **kwargs)\n"
            + "             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n";

    @Test
    void codeThreeIsAccessDenied() {
        assertThat(XmlRpcFaultTranslator.translate("res.partner", "read", 3, "Access Denied"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void codeFourIsAccessError() {
        assertThat(XmlRpcFaultTranslator.translate("res.company", "write", 4, "You are not allowed"))
                .isExactlyInstanceOf(AccessErrorException.class);
    }

    @Test
    void codeTwoIsUserErrorUnknownModelOrMissingRecord() {
        assertThat(XmlRpcFaultTranslator.translate("x", "read", 2, "Object x doesn't exist"))
                .isExactlyInstanceOf(UnknownModelException.class);
        assertThat(XmlRpcFaultTranslator.translate("res.partner", "write", 2,
                "Oops.\nRecord does not exist or has been deleted.\n(Record: res.partner(9,), User: 2)"))
                .isExactlyInstanceOf(MissingRecordException.class);
        assertThat(XmlRpcFaultTranslator.translate("sale.order", "unlink", 2, "Cancel it first."))
                .isExactlyInstanceOf(UserErrorException.class);
    }

    @Test
    void codeOneTakesTypeAndMessageFromTheExceptionLineAndKeepsTheTraceback() {
        String text = FRAMES + "odoo.exceptions.ValidationError: Invalid email\n";
        OdooServerException e = XmlRpcFaultTranslator.translate("res.partner", "create", 1, text);
        assertThat(e).isExactlyInstanceOf(ValidationException.class);
        assertThat(e.serverMessage()).isEqualTo("Invalid email");
        assertThat(e.fault().exceptionType()).isEqualTo("odoo.exceptions.ValidationError");
        assertThat(e.traceback()).isEqualTo(text);
        assertThat(e.fault().faultCode()).isEqualTo(1);
    }

    @Test
    void codeOneMessageMaySpanLinesThatLookLikeExceptionLines() {
        String text = FRAMES + "ValueError: first line\nDetail: second line\n\n";
        ServerFault fault = XmlRpcFaultTranslator.fault(1, text);
        assertThat(fault.exceptionType()).isEqualTo("ValueError");
        assertThat(fault.message()).isEqualTo("first line\nDetail: second line");
        assertThat(XmlRpcFaultTranslator.translate("m", "f", 1, text)).isExactlyInstanceOf(InvalidQueryException.class);
    }

    @Test
    void codeOneUsesTheLastOfChainedTracebacks() {
        String text = FRAMES + "KeyError: 'first'\n\nDuring handling of the above exception, another exception occurred:\n\n"
                + FRAMES + "psycopg2.OperationalError: connection failed\n";
        ServerFault fault = XmlRpcFaultTranslator.fault(1, text);
        assertThat(fault.exceptionType()).isEqualTo("psycopg2.OperationalError");
        assertThat(fault.message()).isEqualTo("connection failed");
    }

    @Test
    void bareExceptionNameAndTextsWithoutFrames() {
        ServerFault bare = XmlRpcFaultTranslator.fault(1, FRAMES + "StopIteration\n");
        assertThat(bare.exceptionType()).isEqualTo("StopIteration");
        assertThat(bare.message()).isEqualTo("StopIteration");
        ServerFault noFrames = XmlRpcFaultTranslator.fault(1, "something odd\nTypeError: bad argument");
        assertThat(noFrames.exceptionType()).isEqualTo("TypeError");
        assertThat(noFrames.message()).isEqualTo("bad argument");
        assertThat(noFrames.traceback()).isNull();
        ServerFault plain = XmlRpcFaultTranslator.fault(1, "cannot marshal None unless allow_none is enabled");
        assertThat(plain.exceptionType()).isNull();
        assertThat(plain.message()).isEqualTo("cannot marshal None unless allow_none is enabled");
        assertThat(XmlRpcFaultTranslator.translate(null, "x", 1, "cannot marshal None unless allow_none is enabled"))
                .isExactlyInstanceOf(OdooServerException.class);
        assertThat(XmlRpcFaultTranslator.fault(7, "").message()).contains("empty fault");
    }

    @Test
    void refusedAuthenticationNamesWhatToCheckButNotTheSecret() {
        AccessDeniedException e = XmlRpcFaultTranslator.authenticationRefused("admin", "retail");
        assertThat(e.getMessage()).contains("'admin'", "'retail'", "password or API key", "database");
        assertThat(e.method()).isEqualTo("authenticate");
    }
}
