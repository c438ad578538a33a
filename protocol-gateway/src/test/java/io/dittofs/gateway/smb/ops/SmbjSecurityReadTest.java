package io.dittofs.gateway.smb.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hierynomus.msdtyp.AccessMask;
import com.hierynomus.msdtyp.SecurityDescriptor;
import com.hierynomus.msdtyp.SecurityInformation;
import com.hierynomus.mserref.NtStatus;
import com.hierynomus.msfscc.FileAttributes;
import com.hierynomus.mssmb2.SMB2CreateDisposition;
import com.hierynomus.mssmb2.SMB2ShareAccess;
import com.hierynomus.mssmb2.SMBApiException;
import com.hierynomus.smbj.share.DiskShare;
import com.hierynomus.smbj.share.File;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reading a security descriptor through an open without READ_CONTROL (MS-FSA 2.1.5.13, what
 * smb2.sdread checks): owner, group or DACL are ACCESS_DENIED, asking for none of them answers an
 * empty descriptor.
 */
class SmbjSecurityReadTest {

    private SmbjSession smb;
    private SmbFileFixture fixture;
    private DiskShare share;

    @BeforeEach
    void start() throws Exception {
        smb = SmbjSession.open();
        fixture = smb.fixture;
        share = smb.share;
    }

    @AfterEach
    void stop() throws Exception {
        smb.close();
    }

    @Test
    void withoutReadControlOnlyTheEmptyDescriptorIsAnswered() {
        share.openFile("sd.txt", EnumSet.of(AccessMask.GENERIC_WRITE), EnumSet.of(FileAttributes.FILE_ATTRIBUTE_NORMAL),
                SMB2ShareAccess.ALL, SMB2CreateDisposition.FILE_OVERWRITE_IF, null).close();
        try (File f = share.openFile("sd.txt", EnumSet.of(AccessMask.FILE_READ_ATTRIBUTES), null, SMB2ShareAccess.ALL,
                SMB2CreateDisposition.FILE_OPEN, null)) {
            for (SecurityInformation part : EnumSet.of(SecurityInformation.OWNER_SECURITY_INFORMATION,
                    SecurityInformation.GROUP_SECURITY_INFORMATION, SecurityInformation.DACL_SECURITY_INFORMATION)) {
                assertThatThrownBy(() -> f.getSecurityInformation(EnumSet.of(part)))
                        .isInstanceOfSatisfying(SMBApiException.class,
                                e -> assertThat(e.getStatus()).isEqualTo(NtStatus.STATUS_ACCESS_DENIED));
            }
            SecurityDescriptor sd = f.getSecurityInformation(EnumSet.noneOf(SecurityInformation.class));
            assertThat(sd.getOwnerSid()).isNull();
            assertThat(sd.getGroupSid()).isNull();
            assertThat(sd.getDacl()).isNull();
        }
    }
}
