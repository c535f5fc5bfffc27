// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.scep.ScepCaCertificates;
import org.iotpki.core.PkiParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iotpki scep cacert --url URL --out FILE}. */
@Command(name = "cacert", mixinStandardHelpOptions = true,
    description = {"The SCEP server's CA and RA certificates (GetCACert) into a PEM file.",
        "Exit 0, 1 refused (reason: HTTP status), 2 usage, input or transport error."})
final class ScepCacertCommand extends IotpkiCommand {
  @Option(names = "--url", required = true, paramLabel = "URL",
      description = "The SCEP server, e.g. http://ca.example/scep.")
  URI url;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "The PEM file to write (must not exist).")
  Path outFile;

  @Mixin ScepServerOptions server;

  @Override
  int execute() throws IOException, PkiParseException {
    return callPeer(() -> {
      ScepCaCertificates cas = server.client(url).scepCaCertificates();
      Files.writeString(outFile, PemEncoder.certificates(cas.all()), StandardCharsets.US_ASCII,
          StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("ca", cas.ca().getSubjectX500Principal().getName());
      json.put("encryption", cas.encryption().getSubjectX500Principal().getName());
      json.put("signing", cas.signing().getSubjectX500Principal().getName());
      json.put("certificates", cas.all().size());
      json.put("out", outFile.toString());
      output.result(out(), json, "CA " + json.get("ca") + ", encryption " + json.get("encryption")
          + ", signing " + json.get("signing") + " -> " + outFile + "\n");
      return ExitCode.OK;
    });
  }
}
