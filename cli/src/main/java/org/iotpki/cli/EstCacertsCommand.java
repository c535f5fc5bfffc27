// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.io.PemEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iotpki est cacerts --url URL --trust F --out F}. */
@Command(
    name = "cacerts",
    mixinStandardHelpOptions = true,
    description = {
      "Fetch the CA certificates the EST server distributes (/cacerts) into a PEM file.",
      "Exit 0 fetched, 1 refused (reason: the HTTP status), 2 usage, input or transport error."
    })
final class EstCacertsCommand extends IotpkiCommand {
  @Option(names = "--url", required = true, paramLabel = "URL",
      description = "The EST server: https://host[:port] or its .../.well-known/est[/label] URI.")
  URI url;

  @Mixin EstServerOptions server;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "The PEM file to write the certificates to (must not exist).")
  Path outFile;

  @Override
  int execute() throws IOException, PkiParseException {
    return callPeer(() -> {
      List<X509Certificate> certificates = server.client(url).caCertificates();
      Files.writeString(outFile, PemEncoder.certificates(certificates), StandardCharsets.US_ASCII,
          StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("status", "ok");
      json.put("certificates", certificates.stream()
          .map(c -> c.getSubjectX500Principal().getName()).toList());
      json.put("out", outFile.toString());
      output.result(out(), json,
          certificates.size() + " CA certificate(s) -> " + outFile + "\n");
      return ExitCode.OK;
    });
  }
}
