// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.io.PkiReader;
import org.iotpki.core.lifecycle.RenewalWindow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iotpki acme renewal-info --directory URL --cert F [--trust F] --json}. */
@Command(name = "renewal-info", mixinStandardHelpOptions = true,
    description = {"The CA's suggested renewal window for a certificate (ACME Renewal Information,",
        "RFC 9773): \"suggested\": true with start and end, or false where the CA offers none.",
        "Exit 0 answered, 2 usage, input or transport error."})
final class AcmeRenewalInfoCommand extends IotpkiCommand {
  @Mixin AcmeServerOptions server;

  @Option(names = "--cert", required = true, paramLabel = "FILE",
      description = "The certificate to ask about (its issuer's certificate may follow it).")
  Path cert;

  @Override
  int execute() throws IOException, PkiParseException {
    X509Certificate certificate = PkiReader.defaults().readCertificate(cert);
    return callPeer(() -> {
      Optional<RenewalWindow> window = server.accountless().build().suggestedWindow(certificate);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("serial", certificate.getSerialNumber().toString(16));
      json.put("suggested", window.isPresent());
      window.ifPresent(w -> {
        json.put("start", w.start().toString());
        json.put("end", w.end().toString());
      });
      output.result(out(), json, window.map(w -> "renew between " + w.start() + " and " + w.end())
          .orElse("the CA suggests no renewal window") + "\n");
      return ExitCode.OK;
    });
  }
}
