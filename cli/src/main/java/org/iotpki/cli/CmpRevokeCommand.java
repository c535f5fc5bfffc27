// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.io.PkiReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iotpki cmp revoke --url URL --revoke F [--reason N] (--ref R --secret S | --cert F --cert-key F)}. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
    description = {"Revoke a certificate (rr) with a CRL reason code (RFC 5280: 0 unspecified,",
        "1 keyCompromise, 4 superseded, 5 cessationOfOperation).",
        "Exit 0 revoked, 1 refused (reason: the PKIFailureInfo names), 2 usage, input or transport error."})
final class CmpRevokeCommand extends IotpkiCommand {
  @Option(names = "--url", required = true, paramLabel = "URL",
      description = "The CMP server, e.g. http://ca.example/pkix/.")
  URI url;

  @Option(names = "--revoke", required = true, paramLabel = "FILE",
      description = "The certificate to revoke.")
  Path revoke;

  @Mixin RevocationReason reason;

  @Mixin CmpServerOptions server;

  @Override
  int execute() throws IOException, PkiParseException {
    X509Certificate certificate = PkiReader.defaults().readCertificate(revoke);
    return callPeer(() -> {
      int code = reason.code();
      server.client(url).revoke(certificate, code);
      return reason.revoked(this, certificate);
    });
  }
}
