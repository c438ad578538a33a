package io.dittofs.e2e;

import io.dittofs.nfsclient.XdrIn;
import io.dittofs.nfsclient.XdrOut;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Plays an NFS client host's side of NLM callbacks: its portmapper (GETPORT answers this same port)
 * and its NLM service receiving GRANTED. Each GRANTED is recorded and answered GRANTED.
 */
final class NlmCallbackHost implements AutoCloseable {

    /** One GRANTED call as the client host saw it. */
    record Grant(String callerName, byte[] fh, int svid, long offset, long length, boolean exclusive) {
    }

    private final ServerSocket server;
    final BlockingQueue<Grant> grants = new LinkedBlockingQueue<>();

    NlmCallbackHost() throws IOException {
        server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("nlm-callback-host").start(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            while (true) {
                int mark = in.readInt();
                byte[] rec = new byte[mark & 0x7fffffff];
                in.readFully(rec);
                byte[] reply = answer(new XdrIn(rec));
                out.writeInt(0x80000000 | reply.length);
                out.write(reply);
                out.flush();
            }
        } catch (IOException e) {
            // the gateway closed the connection
        }
    }

    private byte[] answer(XdrIn call) {
        int xid = call.readInt();
        call.readInt(); // CALL
        call.readInt(); // RPC version 2
        int prog = call.readInt();
        call.readInt(); // version
        int proc = call.readInt();
        call.readInt();
        call.readOpaque(); // credential
        call.readInt();
        call.readOpaque(); // verifier
        XdrOut reply = new XdrOut().writeInt(xid).writeInt(1).writeInt(0).writeInt(0).writeInt(0).writeInt(0);
        if (prog == 100000 && proc == 3) {
            return reply.writeInt(port()).toByteArray();
        }
        if (prog == 100021 && proc == 5) {
            byte[] cookie = call.readOpaque();
            boolean exclusive = call.readBool();
            String caller = call.readString();
            byte[] fh = call.readOpaque();
            call.readOpaque();
            int svid = call.readInt();
            grants.add(new Grant(caller, fh, svid, call.readLong(), call.readLong(), exclusive));
            return reply.writeOpaque(cookie).writeInt(0).toByteArray();
        }
        return reply.toByteArray();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
