// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.crypto.KeyFamily;
import org.iotpki.core.crypto.SignatureAlgorithm;
import org.iotpki.core.io.PkiObject;
import org.iotpki.core.io.PkiReader;
import org.iotpki.core.validation.SignatureResult;
import org.iotpki.core.validation.SignatureVerifier;
import org.iotpki.pqc.Catalyst;
import org.iotpki.pqc.HybridPolicy;
import org.iotpki.pqc.HybridVerification;
import org.iotpki.pqc.HybridVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iotpki cert verify --cert FILE [--issuer FILE]}. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Verify one certificate's signature.",
      "Uses the issuer's key (--issuer: a certificate or public key), or the certificate's own",
      "key when no issuer is given (self-signed). Checks the signature only: 'cert validate'",
      "checks a whole chain. Exit 0 valid, 1 invalid (reason in the JSON), 2 unreadable input."
    })
final class CertVerifyCommand extends IotpkiCommand {
  @Option(names = "--cert", required = true, paramLabel = "FILE", description = "The certificate (PEM or DER).")
  Path certificateFile;

  @Option(names = "--issuer", paramLabel = "FILE", description = "The issuer's certificate or public key (PEM or DER).")
  Path issuerFile;

  @Override
  int execute() throws IOException, PkiParseException {
    PkiReader reader = PkiReader.defaults();
    X509Certificate certificate = reader.readCertificate(certificateFile);
    PublicKey key;
    String verifiedWith;
    X509Certificate issuerCertificate = null;
    if (issuerFile == null) {
      key = certificate.getPublicKey();
      verifiedWith = "own key (self-signed)";
      issuerCertificate = certificate;
    } else {
      List<PkiObject> issuer = reader.read(issuerFile);
      if (issuer.size() == 1 && issuer.get(0) instanceof PkiObject.CertificateObject) {
        issuerCertificate = ((PkiObject.CertificateObject) issuer.get(0)).certificate();
        key = issuerCertificate.getPublicKey();
        verifiedWith = "issuer certificate";
      } else if (issuer.size() == 1 && issuer.get(0) instanceof PkiObject.PublicKeyObject) {
        key = ((PkiObject.PublicKeyObject) issuer.get(0)).key();
        verifiedWith = "issuer public key";
      } else {
        throw new PkiParseException(issuerFile + ": expected one certificate or public key");
      }
    }
    SignatureResult result = SignatureVerifier.bouncyCastle().verify(certificate, key);
    List<HybridVerification.Component> components = List.of();
    Optional<HybridPolicy> hybrid = Catalyst.hasAlternativeSignature(certificate) ? Optional.of(HybridPolicy.CATALYST)
        : SignatureAlgorithm.fromOid(certificate.getSigAlgOID())
            .filter(a -> a.keyFamily() == KeyFamily.COMPOSITE_ML_DSA).map(a -> HybridPolicy.COMPOSITE);
    if (issuerCertificate != null && hybrid.isPresent()) {
      // Strict by default: a catalyst certificate is valid only if its alternative signature is
      // too; a composite one shows each half's result.
      components = HybridVerifier.of(hybrid.get()).verify(certificate, issuerCertificate).components();
      result = components.stream().map(HybridVerification.Component::result)
          .filter(r -> !r.isValid()).findFirst().orElse(result);
    }

    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("valid", result.isValid());
    fields.put("subject", certificate.getSubjectX500Principal().getName());
    fields.put("signatureAlgorithm",
        SignatureAlgorithm.fromOid(certificate.getSigAlgOID()).map(Enum::name).orElse(certificate.getSigAlgName()));
    fields.put("signatureAlgorithmOid", certificate.getSigAlgOID());
    fields.put("verifiedWith", verifiedWith);
    if (!components.isEmpty()) {
      fields.put("components", components.stream().map(CertVerifyCommand::component).collect(Collectors.toList()));
    }
    String text;
    if (result instanceof SignatureResult.Invalid) {
      SignatureResult.Invalid invalid = (SignatureResult.Invalid) result;
      fields.put("reason", invalid.reason().name());
      fields.put("message", invalid.message());
      text = "INVALID: " + invalid.reason() + ": " + invalid.message() + "\n";
    } else {
      text = "VALID: " + fields.get("signatureAlgorithm") + " signature verified with the " + verifiedWith + "\n";
    }
    output.result(out(), fields, text);
    return result.isValid() ? ExitCode.OK : ExitCode.INVALID;
  }

  private static Map<String, Object> component(HybridVerification.Component component) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("name", component.name());
    fields.put("algorithmOid", component.algorithmOid());
    fields.put("valid", component.result().isValid());
    if (component.result() instanceof SignatureResult.Invalid) {
      fields.put("reason", ((SignatureResult.Invalid) component.result()).reason().name());
    }
    return fields;
  }
}
