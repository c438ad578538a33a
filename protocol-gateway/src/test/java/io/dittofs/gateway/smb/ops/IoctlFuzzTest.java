package io.dittofs.gateway.smb.ops;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.dittofs.gateway.smb.crypto.Smb2Cipher;
import io.dittofs.gateway.smb.crypto.Smb2Encryption;
import io.dittofs.gateway.smb.ops.fsctl.CopyChunkRequest;
import io.dittofs.gateway.smb.ops.fsctl.DuplicateExtentsRequest;
import io.dittofs.gateway.smb.ops.fsctl.FileRange;
import io.dittofs.gateway.smb.ops.fsctl.ValidateNegotiateInfoAccess;
import io.dittofs.gateway.smb.wire.Dialect;
import io.dittofs.gateway.smb.wire.SmbReader;
import io.dittofs.gateway.smb.wire.TransformHeader;
import io.dittofs.gateway.smb.wire.WireException;

/**
 * Coverage-guided over the IOCTL request body, the VALIDATE_NEGOTIATE_INFO input, the file-system
 * FSCTL inputs (SRV_COPYCHUNK_COPY, allocated-range / zero-data ranges, DUPLICATE_EXTENTS_DATA) and the TRANSFORM_HEADER with
 * decryption behind it: each decodes or throws {@link WireException}.
 */
class IoctlFuzzTest {

    private static final Smb2Encryption KEYS = Smb2Encryption.forSession(Dialect.SMB_3_1_1,
            Smb2Cipher.AES_128_GCM.id(), new byte[16], new byte[64]);

    @FuzzTest(maxDuration = "30s")
    void ioctlBodies(FuzzedDataProvider data) {
        boolean vneg = data.consumeBoolean();
        byte[] body = data.consumeRemainingAsBytes();
        try {
            if (vneg) {
                ValidateNegotiateInfoAccess.decode(body);
                return;
            }
            byte[] message = new byte[64 + body.length];
            System.arraycopy(body, 0, message, 64, body.length);
            SmbReader r = new SmbReader(message, 0, message.length);
            r.seek(64);
            IoctlRequest io = IoctlRequest.decode(r);
            if (io.input().length > message.length) {
                throw new AssertionError("input longer than the message");
            }
        } catch (WireException expected) {
            // refused
        }
    }

    @FuzzTest(maxDuration = "30s")
    void fsctlInputs(FuzzedDataProvider data) {
        int maxChunks = data.consumeInt(0, 256);
        byte[] input = data.consumeRemainingAsBytes();
        try {
            CopyChunkRequest cc = CopyChunkRequest.decode(input, maxChunks);
            if (cc.chunks().size() > maxChunks || cc.chunks().size() * 24L > input.length) {
                throw new AssertionError("more chunks than the limit or the input allows");
            }
        } catch (WireException expected) {
            // refused
        }
        try {
            FileRange.decode(input);
        } catch (WireException expected) {
            // refused
        }
        try {
            DuplicateExtentsRequest.decode(input);
            if (input.length < DuplicateExtentsRequest.BYTES) {
                throw new AssertionError("decoded a DUPLICATE_EXTENTS_DATA from fewer than 40 bytes");
            }
        } catch (WireException expected) {
            // refused
        }
    }

    @FuzzTest(maxDuration = "30s")
    void transformFrames(FuzzedDataProvider data) {
        byte[] frame = data.consumeRemainingAsBytes();
        try {
            TransformHeader th = TransformHeader.decode(frame);
            KEYS.decrypt(th, frame);
        } catch (WireException expected) {
            // refused
        }
    }
}
