package io.dittofs.gateway.smb.ops;

import com.hierynomus.smbj.SMBClient;
import com.hierynomus.smbj.SmbConfig;
import com.hierynomus.smbj.auth.AuthenticationContext;
import com.hierynomus.smbj.connection.Connection;
import com.hierynomus.smbj.share.DiskShare;

/** A fresh {@link SmbFileFixture} and one smbj session on it (SMB 3.1.1, signing required) as alice on "export". */
final class SmbjSession implements AutoCloseable {

    final SmbFileFixture fixture;
    final SMBClient client;
    final Connection connection;
    final DiskShare share;

    private SmbjSession(SmbFileFixture fixture, SMBClient client, Connection connection, DiskShare share) {
        this.fixture = fixture;
        this.client = client;
        this.connection = connection;
        this.share = share;
    }

    static SmbjSession open() throws Exception {
        SmbFileFixture fixture = new SmbFileFixture(true);
        SMBClient client = new SMBClient(SmbConfig.builder().withSigningRequired(true).build());
        Connection connection = client.connect("127.0.0.1", fixture.port());
        DiskShare share = (DiskShare) connection.authenticate(new AuthenticationContext(SmbFileFixture.USER,
                SmbFileFixture.PASSWORD.toCharArray(), "WORKGROUP")).connectShare("export");
        return new SmbjSession(fixture, client, connection, share);
    }

    @Override
    public void close() throws Exception {
        connection.close();
        client.close();
        fixture.close();
    }
}
