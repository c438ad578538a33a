package io.dittofs.gateway.smb.ops.info;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dittofs.gateway.fs.model.FileAttr;
import io.dittofs.gateway.fs.model.FileType;
import io.dittofs.gateway.fs.model.Time;
import io.dittofs.gateway.smb.wire.WireException;
import org.junit.jupiter.api.Test;

/** The NT security descriptor view of owner, group and mode bits, both ways. */
class SecurityDescriptorsTest {

    private static FileAttr attr(int mode) {
        return new FileAttr(FileType.REGULAR, mode, 1, 1000, 100, 0, 0, 0, 0, 1, 42, Time.ZERO, Time.ZERO, Time.ZERO,
                1, null);
    }

    @Test
    void whatWeAnswerReadsBackAsTheSameModeAndIds() throws WireException {
        for (int mode : new int[] {0640, 0755, 0600, 0777}) {
            byte[] sd = SecurityDescriptors.encode(attr(mode), 0x7);
            SecurityDescriptorSet back = SecurityDescriptorSet.decode(sd, 0x7, 1, 1);
            assertThat(back.mode()).as("mode %o", mode).isEqualTo(mode);
            assertThat(back.uid()).isEqualTo(1000);
            assertThat(back.gid()).isEqualTo(100);
        }
    }

    @Test
    void ownerAndGroupAreUnixIdSids() {
        byte[] sd = SecurityDescriptors.encode(attr(0644), SecurityDescriptors.OWNER);
        // S-1-22-1-1000 right after the 20-byte header
        assertThat(sd[20]).isEqualTo((byte) 1);
        assertThat(sd[21]).isEqualTo((byte) 2);
        assertThat(sd[27]).isEqualTo((byte) 22);
        assertThat(sd[28]).isEqualTo((byte) 1);
        assertThat((sd[32] & 0xff) | (sd[33] & 0xff) << 8).isEqualTo(1000);
    }

    @Test
    void lyingOffsetsAreRefused() {
        byte[] sd = SecurityDescriptors.encode(attr(0644), 0x7);
        sd[16] = (byte) 0xF0; // DACL offset far outside
        assertThatThrownBy(() -> SecurityDescriptorSet.decode(sd, 0x7, 1, 1)).isInstanceOf(WireException.class);
        byte[] shortSd = {1, 0, 4, (byte) 0x80, 20, 0, 0, 0};
        assertThatThrownBy(() -> SecurityDescriptorSet.decode(shortSd, 0x7, 1, 1)).isInstanceOf(WireException.class);
    }
}
