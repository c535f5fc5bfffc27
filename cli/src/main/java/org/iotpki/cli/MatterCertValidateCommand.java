// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.iotpki.core.PkiParseException;
import org.iotpki.matter.opcert.OperationalCertificate;
import org.iotpki.matter.opcert.OperationalChainResult;
import org.iotpki.matter.opcert.OperationalChainValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iotpki matter cert validate --noc FILE [--icac FILE] --rcac FILE [--at INSTANT]}. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Validate an operational chain NOC -> ICAC (optional) -> RCAC with the Matter rules.",
      "Exit 0 valid, 1 invalid (reason and failing certificate in the JSON), 2 unreadable input."
    })
final class MatterCertValidateCommand extends IotpkiCommand {
  @Option(names = "--noc", required = true, paramLabel = "FILE", description = "The NOC (TLV, DER or PEM).")
  Path noc;

  @Option(names = "--icac", paramLabel = "FILE", description = "The ICAC, if the chain has one.")
  Path icac;

  @Option(names = "--rcac", required = true, paramLabel = "FILE", description = "The RCAC: the fabric's trust anchor.")
  Path rcac;

  @Option(names = "--at", paramLabel = "INSTANT", converter = InstantConverter.class,
      description = "Validate at this instant (ISO-8601) instead of now.")
  Instant at;

  @Override
  int execute() throws IOException, PkiParseException {
    OperationalCertificate nocCertificate = MatterCertificateFile.read(noc).certificate();
    Optional<OperationalCertificate> icacCertificate =
        icac == null ? Optional.empty() : Optional.of(MatterCertificateFile.read(icac).certificate());
    OperationalCertificate rcacCertificate = MatterCertificateFile.read(rcac).certificate();
    Instant time = at != null ? at : Instant.now();
    OperationalChainResult result =
        OperationalChainValidator.defaults().validate(nocCertificate, icacCertificate, rcacCertificate, time);

    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("valid", result.isValid());
    fields.put("validatedAt", time.toString());
    String text;
    if (result instanceof OperationalChainResult.Valid valid) {
      fields.put("nodeId", MatterCertificateFields.hex16(valid.nodeId()));
      fields.put("fabricId", MatterCertificateFields.hex16(valid.fabricId()));
      fields.put("caseAuthenticatedTags",
          valid.caseAuthenticatedTags().stream().map(MatterCertificateFields::hex8).toList());
      text = "VALID: node " + fields.get("nodeId") + " of fabric " + fields.get("fabricId") + "\n";
    } else {
      OperationalChainResult.Invalid invalid = (OperationalChainResult.Invalid) result;
      fields.put("reason", invalid.reason().name());
      fields.put("certificate", invalid.certificate().name());
      fields.put("message", invalid.message());
      text = "INVALID: " + invalid.reason().name() + " at " + invalid.certificate() + ": " + invalid.message() + "\n";
    }
    output.result(out(), fields, text);
    return result.isValid() ? ExitCode.OK : ExitCode.INVALID;
  }
}
