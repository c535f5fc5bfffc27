// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.cert.BasicConstraints;
import org.iotpki.core.cert.CertificateBuilder;
import org.iotpki.core.cert.CertificateSummary;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.core.io.PkiReader;
import org.iotpki.pqc.Catalyst;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iotpki pqc issue --subject DN --public-key FILE (--key FILE | --issuer-cert FILE --issuer-key FILE) --out FILE}. */
@Command(
    name = "issue",
    mixinStandardHelpOptions = true,
    description = {
      "Issue a certificate for any supported key: ML-DSA, composite ML-DSA or classical.",
      "Self-signed with --key (the private key of --public-key), or signed by a CA given as",
      "--issuer-cert and --issuer-key. --alt-public-key and --alt-signing-key make catalyst",
      "certificates (a second, alternative signature). Exit 0 issued, 2 usage or input error."
    })
final class PqcIssueCommand extends IotpkiCommand {
  @Option(names = "--subject", required = true, paramLabel = "DN", description = "Subject, e.g. \"CN=PQ Root,O=Acme\".")
  String subject;

  @Option(names = "--public-key", required = true, paramLabel = "FILE", description = "The subject's public key (PEM or DER).")
  Path publicKeyFile;

  @Option(names = "--key", paramLabel = "FILE", description = "The subject's private key, for a self-signed certificate.")
  Path keyFile;

  @Option(names = "--issuer-cert", paramLabel = "FILE", description = "The issuing CA's certificate.")
  Path issuerCertificateFile;

  @Option(names = "--issuer-key", paramLabel = "FILE", description = "The issuing CA's private key.")
  Path issuerKeyFile;

  @Option(names = "--alt-public-key", paramLabel = "FILE",
      description = "The subject's alternative (post-quantum) public key, written as subjectAltPublicKeyInfo.")
  Path altPublicKeyFile;

  @Option(names = "--alt-signing-key", paramLabel = "FILE",
      description = "Make a catalyst certificate: the issuer's alternative private key (self-signed: the private key of --alt-public-key).")
  Path altSigningKeyFile;

  @Option(names = "--ca", description = "Make a CA certificate (basicConstraints cA, keyCertSign, cRLSign).")
  boolean ca;

  @Option(names = "--days", paramLabel = "N", converter = NumberConverter.class, defaultValue = "365",
      description = "Validity in days from now (default ${DEFAULT-VALUE}).")
  long days;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the certificate (PEM).")
  Path out;

  @Override
  int execute() throws IOException, PkiParseException {
    boolean selfSigned = keyFile != null;
    boolean issued = issuerCertificateFile != null && issuerKeyFile != null;
    if (selfSigned == issued || (!issued && (issuerCertificateFile != null || issuerKeyFile != null))) {
      return error("give either --key (self-signed) or both --issuer-cert and --issuer-key");
    }
    PkiReader reader = PkiReader.defaults();
    PublicKey publicKey = reader.readPublicKey(publicKeyFile);
    CertificateBuilder builder = CertificateBuilder.create().publicKey(publicKey).validFor(Duration.ofDays(days));
    if (ca) {
      builder.basicConstraints(BasicConstraints.caUnlimited());
    }
    PublicKey altPublicKey = altPublicKeyFile == null ? null : reader.readPublicKey(altPublicKeyFile);
    if (altPublicKey != null) {
      builder.subjectAltPublicKey(altPublicKey);
    }
    X509Certificate certificate;
    try {
      builder.subject(subject);
      Signer signer;
      PublicKey issuerAltKey;
      if (selfSigned) {
        signer = Signer.of(new KeyPair(publicKey, reader.readPrivateKey(keyFile)));
        issuerAltKey = altPublicKey;
      } else {
        X509Certificate issuer = reader.readCertificate(issuerCertificateFile);
        builder.issuer(issuer);
        signer = Signer.of(new KeyPair(issuer.getPublicKey(), reader.readPrivateKey(issuerKeyFile)));
        issuerAltKey = Catalyst.alternativePublicKey(issuer).orElse(null);
      }
      if (altSigningKeyFile == null) {
        certificate = builder.sign(signer);
      } else if (issuerAltKey == null) {
        return error("--alt-signing-key needs the issuer's alternative public key: --alt-public-key when"
            + " self-signed, a subjectAltPublicKeyInfo in --issuer-cert otherwise");
      } else {
        certificate = builder.signCatalyst(signer, Signer.of(new KeyPair(issuerAltKey, reader.readPrivateKey(altSigningKeyFile))));
      }
    } catch (IllegalArgumentException e) {
      return error("cannot issue: " + e.getMessage());
    } catch (GeneralSecurityException e) {
      return error("signing failed (does the private key belong to the public key?): " + e.getMessage());
    }
    Files.writeString(out, PemEncoder.certificate(certificate), StandardCharsets.US_ASCII);
    CertificateSummary summary = CertificateSummary.of(certificate);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("subject", summary.subject());
    fields.put("issuer", summary.issuer());
    fields.put("signatureAlgorithm", summary.signatureAlgorithm());
    fields.put("publicKeyAlgorithm", summary.publicKeyAlgorithm());
    fields.put("derLength", summary.derLength());
    fields.put("out", out.toString());
    output.result(out(), fields, String.format(java.util.Locale.ROOT, "Wrote %s: %s, %s key, signed with %s, %d bytes DER%n",
        out, summary.subject(), summary.publicKeyAlgorithm(), summary.signatureAlgorithm(), summary.derLength()));
    return ExitCode.OK;
  }
}
