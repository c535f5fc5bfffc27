// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.io.PkiReader;
import org.iotpki.core.revocation.RevocationFilter;
import org.iotpki.core.validation.ChainFailure;
import org.iotpki.core.validation.SignatureResult;
import org.iotpki.core.validation.SignatureVerifier;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iotpki revocation build --issued FILE (--revoked FILE | --crl FILE --crl-issuer FILE) --out FILE}. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {
      "Build an issuer's revocation filter, exact for every serial in --issued.",
      "Serial files: one serial per line in hex (0x optional); blank lines and # comments ignored.",
      "Exit 0 written, 1 the CRL does not verify with --crl-issuer (reason in the JSON),",
      "2 input error (such as a revoked serial that is not in --issued)."
    })
final class RevocationBuildCommand extends IotpkiCommand {
  @Option(names = "--issued", required = true, paramLabel = "FILE",
      description = "Every serial the issuer has issued (from its audit trail).")
  Path issued;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Revoked revoked;

  static final class Revoked {
    @Option(names = "--revoked", paramLabel = "FILE", description = "The revoked serials.")
    Path serials;

    @ArgGroup(exclusive = false)
    Crl crl;
  }

  static final class Crl {
    @Option(names = "--crl", required = true, paramLabel = "FILE",
        description = "The issuer's complete CRL (PEM or DER) instead of --revoked.")
    Path file;

    @Option(names = "--crl-issuer", required = true, paramLabel = "FILE",
        description = "The certificate of the CRL's issuer, whose key must verify the CRL.")
    Path issuer;
  }

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the filter.")
  Path out;

  @Override
  int execute() throws IOException, PkiParseException {
    List<BigInteger> issuedSerials = RevocationFiles.serials(issued);
    RevocationFilter filter;
    try {
      if (revoked.crl == null) {
        filter = RevocationFilter.build(issuedSerials, RevocationFiles.serials(revoked.serials));
      } else {
        X509CRL crl = PkiReader.defaults().readCrl(revoked.crl.file);
        X509Certificate crlIssuer = PkiReader.defaults().readCertificate(revoked.crl.issuer);
        Optional<SignatureResult.Invalid> refusal = refusal(crl, crlIssuer);
        if (refusal.isPresent()) {
          return rejectedCrl(refusal.get());
        }
        filter = RevocationFilter.fromCrl(crl, issuedSerials);
      }
    } catch (IllegalArgumentException e) {
      return error(e.getMessage());
    }
    Files.write(out, filter.encoded());
    double perRevoked = filter.revokedCount() == 0 ? 0 : (double) filter.sizeInBytes() / filter.revokedCount();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("built", true);
    fields.put("issued", filter.issuedCount());
    fields.put("revoked", filter.revokedCount());
    fields.put("levels", filter.levels());
    fields.put("bytes", filter.sizeInBytes());
    fields.put("bytesPerRevoked", Math.round(perRevoked * 1000) / 1000.0);
    fields.put("id", filter.id().hex());
    fields.put("out", out.toString());
    output.result(out(), fields, String.format(Locale.ROOT,
        "Wrote %s: %d bytes in %d levels for %d revoked of %d issued (%.3f bytes per revoked serial), id %s%n",
        out, filter.sizeInBytes(), filter.levels(), filter.revokedCount(), filter.issuedCount(), perRevoked,
        filter.id()));
    return ExitCode.OK;
  }

  /** Why the CRL is not the CRL issuer's, if it is not. */
  private static Optional<SignatureResult.Invalid> refusal(X509CRL crl, X509Certificate issuer) {
    if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
      return Optional.of(new SignatureResult.Invalid(ChainFailure.ISSUER_NAME_MISMATCH, "the CRL is issued by "
          + crl.getIssuerX500Principal().getName() + ", not by " + issuer.getSubjectX500Principal().getName()));
    }
    SignatureResult result = SignatureVerifier.bouncyCastle().verify(crl, issuer.getPublicKey());
    return result instanceof SignatureResult.Invalid invalid ? Optional.of(invalid) : Optional.empty();
  }

  private int rejectedCrl(SignatureResult.Invalid refusal) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("built", false);
    fields.put("reason", refusal.reason().name());
    fields.put("message", refusal.message());
    output.result(out(), fields, "NOT BUILT: " + refusal.reason() + ": " + refusal.message() + "\n");
    return ExitCode.INVALID;
  }
}
