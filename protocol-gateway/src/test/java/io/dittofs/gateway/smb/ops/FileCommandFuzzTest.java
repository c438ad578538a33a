package io.dittofs.gateway.smb.ops;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.dittofs.gateway.smb.wire.CloseRequest;
import io.dittofs.gateway.smb.wire.CreateContext;
import io.dittofs.gateway.smb.wire.CreateRequest;
import io.dittofs.gateway.smb.wire.FlushRequest;
import io.dittofs.gateway.smb.wire.LockRequest;
import io.dittofs.gateway.smb.wire.QueryDirectoryRequest;
import io.dittofs.gateway.smb.wire.QueryInfoRequest;
import io.dittofs.gateway.smb.wire.ReadRequest;
import io.dittofs.gateway.smb.wire.SetInfoRequest;
import io.dittofs.gateway.smb.wire.SmbReader;
import io.dittofs.gateway.smb.wire.WireException;
import io.dittofs.gateway.smb.wire.WriteRequest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided over the file commands' request bodies (the first byte picks the command, the
 * rest is the body after a 64-byte header) and the search-pattern matcher: each decoder returns a
 * record within the message's bounds or throws {@link WireException}; matching always ends.
 */
class FileCommandFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void requestBodies(byte[] input) {
        if (input.length == 0) {
            return;
        }
        byte[] message = new byte[64 + input.length - 1];
        System.arraycopy(input, 1, message, 64, input.length - 1);
        SmbReader r = new SmbReader(message, 0, message.length);
        try {
            r.seek(64);
            switch ((input[0] & 0xff) % 10) {
                case 0 -> {
                    CreateRequest c = CreateRequest.decode(r);
                    if (c.contexts().size() > CreateContext.MAX_CONTEXTS || c.name().length() * 2 > message.length) {
                        throw new AssertionError("CREATE decoded beyond its bounds");
                    }
                    for (CreateContext ctx : c.contexts()) {
                        if (ctx.data().length > message.length) {
                            throw new AssertionError("create context larger than the message");
                        }
                    }
                }
                case 1 -> CloseRequest.decode(r);
                case 2 -> ReadRequest.decode(r);
                case 3 -> {
                    WriteRequest w = WriteRequest.decode(r, 1 << 20);
                    if (w.length() > message.length) {
                        throw new AssertionError("WRITE data larger than the message");
                    }
                }
                case 4 -> FlushRequest.decode(r);
                case 5 -> QueryDirectoryRequest.decode(r);
                case 6 -> QueryInfoRequest.decode(r);
                case 7 -> {
                    SetInfoRequest s = SetInfoRequest.decode(r);
                    if (s.buffer().length > message.length) {
                        throw new AssertionError("SET_INFO buffer larger than the message");
                    }
                }
                case 8 -> {
                    LockRequest l = LockRequest.decode(r);
                    if (l.locks().size() * 24 > message.length) {
                        throw new AssertionError("more lock elements than the message holds");
                    }
                }
                default -> io.dittofs.gateway.smb.wire.ChangeNotifyRequest.decode(r);
            }
        } catch (WireException expected) {
            // refused
        }
    }

    /**
     * The oplock break body (notification, acknowledgment) and the four durable-handle create
     * contexts: decoded within the input or refused.
     */
    @FuzzTest(maxDuration = "30s")
    void oplockAndDurableBodies(byte[] input) {
        if (input.length == 0) {
            return;
        }
        byte[] body = java.util.Arrays.copyOfRange(input, 1, input.length);
        try {
            switch ((input[0] & 0xff) % 5) {
                case 0 -> {
                    SmbReader r = SmbReader.of(body);
                    int size = io.dittofs.gateway.smb.wire.OplockBreak.structureSize(r);
                    if (r.position() != 0) {
                        throw new AssertionError("structureSize consumed the body");
                    }
                    if (size == io.dittofs.gateway.smb.wire.OplockBreak.STRUCTURE_SIZE) {
                        io.dittofs.gateway.smb.wire.OplockBreak.decode(r);
                    }
                }
                case 1 -> io.dittofs.gateway.smb.wire.DurableContexts.v1Request(body);
                case 2 -> io.dittofs.gateway.smb.wire.DurableContexts.v1Reconnect(body);
                case 3 -> {
                    var q = io.dittofs.gateway.smb.wire.DurableContexts.v2Request(body);
                    if (q.createGuid().length != 16 || q.timeoutMs() < 0) {
                        throw new AssertionError("DH2Q decoded beyond its 32 bytes");
                    }
                }
                default -> {
                    var c = io.dittofs.gateway.smb.wire.DurableContexts.v2Reconnect(body);
                    if (c.createGuid().length != 16) {
                        throw new AssertionError("DH2C decoded beyond its 36 bytes");
                    }
                }
            }
        } catch (WireException expected) {
            // refused
        }
    }

    @FuzzTest(maxDuration = "30s")
    void securityDescriptors(byte[] input) {
        try {
            var set = io.dittofs.gateway.smb.ops.info.SecurityDescriptorSet.decode(input, 0x7);
            if (set.dacl() != null && set.dacl().aces().size() > io.dittofs.gateway.smb.ops.info.SecurityDescriptorSet.MAX_ACES) {
                throw new AssertionError("DACL of " + set.dacl().aces().size() + " ACEs");
            }
            if (set.dacl() != null && !set.dacl().nullDacl()) {
                // whatever was accepted reads back as the same ACL
                var attr = new io.dittofs.gateway.fs.model.FileAttr(io.dittofs.gateway.fs.model.FileType.REGULAR, 0644,
                        1, 1000, 100, 0, 0, 0, 0, 1, 1, io.dittofs.gateway.fs.model.Time.ZERO,
                        io.dittofs.gateway.fs.model.Time.ZERO, io.dittofs.gateway.fs.model.Time.ZERO, 1, null,
                        io.dittofs.gateway.fs.model.Time.ZERO, 0, true, set.dacl());
                byte[] again = io.dittofs.gateway.smb.ops.info.SecurityDescriptors.encode(attr, 0x4);
                var back = io.dittofs.gateway.smb.ops.info.SecurityDescriptorSet.decode(again, 0x4);
                if (!back.dacl().equals(set.dacl())) {
                    throw new AssertionError("DACL does not round-trip: " + set.dacl() + " vs " + back.dacl());
                }
            }
        } catch (WireException expected) {
            // refused
        }
    }

    @FuzzTest(maxDuration = "30s")
    void searchPatterns(byte[] input) {
        String s = new String(input, StandardCharsets.UTF_8);
        int cut = s.indexOf('\n');
        String pattern = cut < 0 ? s : s.substring(0, cut);
        String name = cut < 0 ? "file.txt" : s.substring(cut + 1);
        if (pattern.length() > 512 || name.length() > 255) {
            return;
        }
        Wildcard.of(pattern).matches(name);
    }

    @FuzzTest(maxDuration = "30s")
    void streamNames(byte[] input) {
        String name = new String(input, StandardCharsets.UTF_16LE);
        StreamName n = StreamName.parse(name);
        if (n.status() == io.dittofs.gateway.smb.wire.NtStatus.SUCCESS) {
            if (n.path().indexOf(':') >= 0) {
                throw new AssertionError("a ':' left in the file's path: " + n.path());
            }
            if (n.named() && (n.stream().isEmpty() || n.stream().indexOf(':') >= 0 || n.stream().indexOf('\\') >= 0
                    || Streams.xattrName(n.stream()).getBytes(StandardCharsets.UTF_8).length > Streams.MAX_XATTR_NAME_BYTES)) {
                throw new AssertionError("stream name the store cannot hold: " + n.stream());
            }
        } else if (n.status() != io.dittofs.gateway.smb.wire.NtStatus.OBJECT_NAME_INVALID) {
            throw new AssertionError("unexpected status " + Integer.toHexString(n.status()));
        }
    }
}
