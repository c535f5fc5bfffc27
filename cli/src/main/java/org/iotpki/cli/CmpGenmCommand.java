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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iotpki.cmp.CertificateRequestTemplate;
import org.iotpki.cmp.CmpClient;
import org.iotpki.cmp.RootCaKeyUpdate;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.core.io.PkiReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iotpki cmp genm --url URL --type cacerts|rootupdate|certreqtemplate ...}. */
@Command(name = "genm", mixinStandardHelpOptions = true,
    description = {"Ask the CA a general message (RFC 9483 section 4.3): its CA certificates",
        "(cacerts, written to --out as PEM), a root CA key update (rootupdate: needs --current-root;",
        "the update is authenticated with it, and newWithNew, newWithOld and oldWithNew are written",
        "to --out), or a certificate request template (certreqtemplate: subject, key algorithm and",
        "extensions the CA fixes). Exit 0, 1 refused, 2 usage, input or transport error."})
final class CmpGenmCommand extends IotpkiCommand {
  private static final List<String> TYPES = List.of("cacerts", "rootupdate", "certreqtemplate");

  @Option(names = "--url", required = true, paramLabel = "URL",
      description = "The CMP server, e.g. http://ca.example/pkix/.")
  URI url;

  @Option(names = "--type", required = true, paramLabel = "TYPE",
      description = "cacerts, rootupdate or certreqtemplate.")
  String type;

  @Option(names = "--current-root", paramLabel = "FILE",
      description = "For rootupdate: the root certificate trusted now (PEM or DER).")
  Path currentRoot;

  @Option(names = "--out", paramLabel = "FILE",
      description = "For cacerts and rootupdate: the PEM file to write (never overwritten).")
  Path outFile;

  @Mixin CmpServerOptions server;

  @Override
  int execute() throws IOException, PkiParseException {
    if (!TYPES.contains(type)) {
      return error("--type is cacerts, rootupdate or certreqtemplate, not " + type);
    }
    if (type.equals("rootupdate") && currentRoot == null) {
      return error("--type rootupdate needs --current-root FILE, to authenticate the update with");
    }
    X509Certificate root = currentRoot == null ? null
        : PkiReader.defaults().readCertificate(currentRoot);
    return callPeer(() -> {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("type", type);
      CmpClient client = server.client(url);
      StringBuilder text = new StringBuilder(type).append(": ");
      switch (type) {
        case "cacerts": {
          List<X509Certificate> certificates = client.caCertificates();
          json.put("certificates", certificates.size());
          text.append(certificates.size()).append(" certificate(s)");
          write(PemEncoder.certificates(certificates), json);
          break;
        }
        case "rootupdate": {
          Optional<RootCaKeyUpdate> update = client.rootCaKeyUpdate(root);
          json.put("update", update.isPresent());
          if (update.isEmpty()) {
            text.append("no update");
            break;
          }
          json.put("newRoot", update.get().newWithNew().getSubjectX500Principal().getName());
          text.append("new root ").append(json.get("newRoot"));
          List<X509Certificate> certificates = new ArrayList<>();
          certificates.add(update.get().newWithNew());
          certificates.add(update.get().newWithOld());
          update.get().oldWithNew().ifPresent(certificates::add);
          write(PemEncoder.certificates(certificates), json);
          break;
        }
        default: {
          Optional<CertificateRequestTemplate> template = client.certificateRequestTemplate();
          json.put("template", template.isPresent());
          template.ifPresent(t -> {
            json.put("subject", t.subject().map(s -> s.getName()).orElse(null));
            json.put("keyAlgorithm", t.keyAlgorithm().map(KeyAlgorithm::displayName).orElse(null));
            json.put("keySpecifications", t.keySpecifications());
            json.put("extensions", t.extensions().stream().map(e -> e.oid()).toList());
          });
          text.append(template.isEmpty() ? "no template" : json.toString());
        }
      }
      output.result(out(), json, text + "\n");
      return ExitCode.OK;
    });
  }

  private void write(String pem, Map<String, Object> json) throws IOException {
    if (outFile != null) {
      Files.writeString(outFile, pem, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      json.put("out", outFile.toString());
    }
  }
}
