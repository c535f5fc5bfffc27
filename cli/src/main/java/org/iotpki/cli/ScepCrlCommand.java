// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.core.io.PkiReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iotpki scep crl --url URL --cert F --key F [--for F] --out FILE}. */
@Command(name = "crl", mixinStandardHelpOptions = true,
    description = {"The CA's CRL (GetCRL) for a certificate it issued: the requester's own, or",
        "--for FILE. The request is signed and the answer decrypted with --cert/--key; the CRL's",
        "signature is checked with the CA's certificate. Exit 0, 1 refused (reason: the failInfo,",
        "e.g. badCertID), 2 usage, input or transport error."})
final class ScepCrlCommand extends IotpkiCommand {
  @Option(names = "--url", required = true, paramLabel = "URL",
      description = "The SCEP server, e.g. http://ca.example/scep.")
  URI url;

  @Mixin CurrentCredential requester;

  @Option(names = "--for", paramLabel = "FILE",
      description = "The certificate whose CRL to get (default: --cert's).")
  Path forCertificate;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "The PEM file to write (must not exist).")
  Path outFile;

  @Mixin ScepServerOptions server;

  @Override
  int execute() throws IOException, PkiParseException {
    Credential credential;
    try {
      credential = requester.read();
    } catch (IllegalArgumentException e) {
      return error(e.getMessage());
    }
    X509Certificate subject = forCertificate == null ? credential.certificate()
        : PkiReader.defaults().readCertificate(forCertificate);
    return callPeer(() -> {
      X509CRL crl = server.client(url).crl(credential, subject);
      Files.writeString(outFile, PemEncoder.crl(crl), StandardCharsets.US_ASCII,
          StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("issuer", crl.getIssuerX500Principal().getName());
      json.put("thisUpdate", crl.getThisUpdate().toInstant().toString());
      json.put("nextUpdate", crl.getNextUpdate() == null ? null
          : crl.getNextUpdate().toInstant().toString());
      json.put("revoked", crl.getRevokedCertificates() == null ? 0
          : crl.getRevokedCertificates().size());
      json.put("certificateRevoked", crl.getRevokedCertificate(subject) != null);
      json.put("out", outFile.toString());
      output.result(out(), json, "CRL of " + json.get("issuer") + ", " + json.get("revoked")
          + " revoked" + (crl.getRevokedCertificate(subject) != null ? " (this certificate too)"
          : "") + " -> " + outFile + "\n");
      return ExitCode.OK;
    });
  }
}
