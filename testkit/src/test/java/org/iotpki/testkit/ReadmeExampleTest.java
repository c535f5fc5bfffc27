// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.iotpki.core.cert.CertificateBuilder;
import org.iotpki.core.cert.KeyPurpose;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.io.PemEncoder;
import org.iotpki.core.io.PkiReader;
import org.iotpki.core.validation.ChainResult;
import org.iotpki.core.validation.ChainValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "core in ten lines", verbatim, on the files the demo writes. */
class ReadmeExampleTest {
  @TempDir Path dir;

  @Test
  void theReadmeExampleIssuesAndValidates() throws Exception {
    TestCa rootCa = TestCa.create();
    TestCa issuing = rootCa.intermediate("CN=Issuing CA");
    Files.writeString(dir.resolve("root-ca.pem"), PemEncoder.certificate(rootCa.certificate()));
    Files.writeString(dir.resolve("issuing-ca.pem"), PemEncoder.certificate(issuing.certificate()));
    Files.writeString(dir.resolve("issuing-ca-key.pem"), PemEncoder.privateKey(issuing.credential().privateKey()));

    // --- README start (paths resolved in the temporary directory) ---
    PkiReader reader = PkiReader.defaults();
    X509Certificate root = reader.readCertificate(dir.resolve("root-ca.pem"));
    X509Certificate issuingCa = reader.readCertificate(dir.resolve("issuing-ca.pem"));
    PrivateKey issuingCaKey = reader.readPrivateKey(dir.resolve("issuing-ca-key.pem"));

    KeyPair deviceKey = KeyPairs.generate(KeyAlgorithm.EC_P256);
    X509Certificate device = CertificateBuilder.create()
        .subject("CN=sensor-0042")
        .publicKey(deviceKey.getPublic())
        .issuer(issuingCa)
        .validFor(Duration.ofDays(365))
        .extendedKeyUsage(KeyPurpose.CLIENT_AUTH)
        .sign(Signer.of(new KeyPair(issuingCa.getPublicKey(), issuingCaKey)));

    ChainResult result = ChainValidator.builder().trustAnchor(root).build()
        .validate(List.of(device, issuingCa));
    // --- README end ---

    assertThat(result).isInstanceOf(ChainResult.Valid.class);
  }
}
