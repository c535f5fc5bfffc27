// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.io.PkiReader;
import org.iotpki.core.validation.ChainResult;
import org.iotpki.core.validation.ChainValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iotpki cert validate --chain FILE --trust FILE... [--at INSTANT]}. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Validate a certificate chain against trust anchors.",
      "RFC 5280 checks: signatures, name chaining, key identifiers, validity, CA constraints,",
      "path length, key usage, critical extensions. Exit 0 valid, 1 invalid (reason and",
      "failing certificate in the JSON), 2 unreadable input."
    })
final class CertValidateCommand extends IotpkiCommand {
  @Option(names = "--chain", required = true, paramLabel = "FILE",
      description = "The chain, leaf first (PEM or concatenated DER).")
  Path chainFile;

  @Option(names = "--trust", required = true, paramLabel = "FILE",
      description = "Trust anchor certificates; repeatable, each file may hold several.")
  List<Path> trustFiles;

  @Option(names = "--at", paramLabel = "INSTANT", converter = InstantConverter.class,
      description = "Validate at this instant (ISO-8601, e.g. 2027-01-01T00:00:00Z) instead of now.")
  Instant at;

  @Override
  int execute() throws IOException, PkiParseException {
    PkiReader reader = PkiReader.defaults();
    List<X509Certificate> chain = reader.readCertificates(chainFile);
    List<X509Certificate> anchors = new ArrayList<>();
    for (Path trust : trustFiles) {
      anchors.addAll(reader.readCertificates(trust));
    }
    Instant time = at != null ? at : Instant.now();
    ChainResult result = ChainValidator.builder().trustAnchors(anchors).build().validate(chain, time);

    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("valid", result.isValid());
    fields.put("validatedAt", time.toString());
    String text;
    if (result instanceof ChainResult.Valid) {
      List<String> path = ((ChainResult.Valid) result).path().stream()
          .map(c -> c.getSubjectX500Principal().getName()).collect(Collectors.toList());
      fields.put("path", path);
      text = "VALID: " + String.join(" <- ", path) + "\n";
    } else {
      ChainResult.Invalid invalid = (ChainResult.Invalid) result;
      int index = invalid.certificateIndex();
      String failing = index < chain.size() ? chain.get(index).getSubjectX500Principal().getName() : "trust anchor";
      fields.put("reason", invalid.reason().name());
      fields.put("certificateIndex", index);
      fields.put("failing", failing);
      fields.put("message", invalid.message());
      text = "INVALID: " + invalid.reason().name() + " at certificate " + index + " (" + failing + "): "
          + invalid.message() + "\n";
    }
    output.result(out(), fields, text);
    return result.isValid() ? ExitCode.OK : ExitCode.INVALID;
  }
}
