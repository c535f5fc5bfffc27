// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.io.PkiReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iotpki acme revoke --directory URL --cert F --key F [--reason N] [--trust F]}. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
    description = {"Revoke a certificate, authorized by its own key (RFC 8555 section 7.6), with a",
        "CRL reason code (RFC 5280: 0 unspecified, 1 keyCompromise, 4 superseded,",
        "5 cessationOfOperation).",
        "Exit 0 revoked, 1 refused (reason: the ACME problem type), 2 usage, input or transport error."})
final class AcmeRevokeCommand extends IotpkiCommand {
  @Mixin AcmeServerOptions server;

  @Option(names = "--cert", required = true, paramLabel = "FILE",
      description = "The certificate to revoke.")
  Path cert;

  @Option(names = "--key", required = true, paramLabel = "FILE",
      description = "The certificate's private key.")
  Path key;

  @Mixin RevocationReason reason;

  @Override
  int execute() throws IOException, PkiParseException {
    PkiReader reader = PkiReader.defaults();
    X509Certificate certificate = reader.readCertificate(cert);
    var keyPair = KeyPairs.fromPrivateKey(reader.readPrivateKey(key));
    return callPeer(() -> {
      int code = reason.code();
      server.accountless().build().revokeWithCertificateKey(certificate, keyPair, code);
      return reason.revoked(this, certificate);
    });
  }
}
