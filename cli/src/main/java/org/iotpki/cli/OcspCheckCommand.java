// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.io.PkiReader;
import org.iotpki.core.revocation.OcspClient;
import org.iotpki.core.revocation.OcspPolicy;
import org.iotpki.core.revocation.RevocationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iotpki ocsp check --cert FILE --issuer FILE [--url URL] [--policy hard-fail|soft-fail]}. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Ask the certificate's OCSP responder whether it is revoked and verify the",
      "answer (signer, nonce, freshness). The responder is the one its",
      "authorityInfoAccess names, unless --url says. Exit 0 good (or unreachable",
      "under soft-fail, reported as such), 1 revoked or status unknown (reason in",
      "the JSON), 2 input error."
    })
final class OcspCheckCommand extends IotpkiCommand {
  @Option(names = "--cert", required = true, paramLabel = "FILE", description = "The certificate to check.")
  Path certificateFile;

  @Option(names = "--issuer", required = true, paramLabel = "FILE", description = "The certificate of its issuer.")
  Path issuerFile;

  @Option(names = "--url", paramLabel = "URL", description = "Ask this responder instead of the one the certificate names.")
  URI url;

  @Option(names = "--policy", paramLabel = "POLICY", converter = OcspPolicyConverter.class, defaultValue = "hard-fail",
      description = "hard-fail (default): no verified answer, no acceptance; soft-fail: accept when the responder is unreachable.")
  OcspPolicy policy;

  @Override
  int execute() throws IOException, PkiParseException {
    PkiReader reader = PkiReader.defaults();
    X509Certificate certificate = reader.readCertificate(certificateFile);
    X509Certificate issuer = reader.readCertificate(issuerFile);
    OcspClient.Builder client = OcspClient.builder().policy(policy);
    try {
      if (url != null) {
        client.responder(url);
      }
    } catch (IllegalArgumentException e) {
      return error(e.getMessage());
    }
    RevocationResult result = client.build().check(certificate, issuer);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("serial", certificate.getSerialNumber().toString(16));
    fields.put("source", result.source().name());
    String text = describe(result, fields);
    output.result(out(), fields, text + " (serial " + certificate.getSerialNumber().toString(16) + ", "
        + result.source() + ")\n");
    return result.isAccepted() ? ExitCode.OK : ExitCode.INVALID;
  }

  /** Puts the result's fields in {@code fields}; returns the text for people. */
  private static String describe(RevocationResult result, Map<String, Object> fields) {
    if (result instanceof RevocationResult.Good) {
      fields.put("status", "good");
      ((RevocationResult.Good) result).validUntil().ifPresent(until -> fields.put("nextUpdate", until.toString()));
      return "GOOD";
    }
    if (result instanceof RevocationResult.Revoked) {
      RevocationResult.Revoked revoked = (RevocationResult.Revoked) result;
      fields.put("status", "revoked");
      fields.put("reason", "REVOKED");
      revoked.revocationTime().ifPresent(at -> fields.put("revocationTime", at.toString()));
      revoked.reason().ifPresent(reason -> fields.put("revocationReason", reason.name()));
      return "REVOKED" + revoked.revocationTime().map(at -> " at " + at).orElse("")
          + revoked.reason().map(reason -> ", " + reason).orElse("");
    }
    if (result instanceof RevocationResult.SoftFailed) {
      RevocationResult.SoftFailed soft = (RevocationResult.SoftFailed) result;
      fields.put("status", "soft-failed");
      fields.put("reason", soft.failure().name());
      fields.put("message", soft.message());
      return "ACCEPTED WITHOUT STATUS (soft-fail): " + soft.failure() + ": " + soft.message();
    }
    RevocationResult.Unknown unknown = (RevocationResult.Unknown) result;
    fields.put("status", "unknown");
    fields.put("reason", unknown.failure().name());
    fields.put("message", unknown.message());
    return "UNKNOWN: " + unknown.failure() + ": " + unknown.message();
  }
}
