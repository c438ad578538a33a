package io.dittofs.gateway.smb.server;

import io.dittofs.gateway.smb.crypto.Smb2Signing;

/** One response message and the signer that signs it once its compound padding is known (null: unsigned). */
record Reply(byte[] message, Smb2Signing signer) {
}
