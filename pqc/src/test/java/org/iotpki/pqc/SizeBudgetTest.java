// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.pqc;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.testkit.TestCa;
import org.junit.jupiter.api.Test;

class SizeBudgetTest {

  private static List<X509Certificate> chain(KeyAlgorithm algorithm) {
    TestCa root = TestCa.builder().keyAlgorithm(algorithm).build();
    Credential device = root.intermediate("CN=Issuing").issue("CN=device");
    List<X509Certificate> chain = new ArrayList<>(device.chain());
    chain.add(root.certificate());
    return chain;
  }

  @Test
  void measuresEveryCertificateAndTheChain() throws Exception {
    List<X509Certificate> chain = chain(KeyAlgorithm.ML_DSA_44);

    SizeBudget budget = SizeBudget.of(chain, DeviceProfile.constrained());

    assertThat(budget.certificates()).hasSize(3);
    SizeBudget.CertificateCost device = budget.certificates().get(0);
    assertThat(device.publicKeyAlgorithm()).isEqualTo("ML-DSA-44");
    assertThat(device.signatureAlgorithm()).isEqualTo("ML_DSA_44");
    assertThat(device.signatureBytes()).isEqualTo(2420); // FIPS 204: ML-DSA-44 signatures are 2420 bytes
    assertThat(device.publicKeyBytes()).isEqualTo(1312 + 22); // 1312-byte key in its SPKI
    assertThat(device.derBytes()).isEqualTo(chain.get(0).getEncoded().length);
    assertThat(device.c509Bytes()).isPresent();
    long der = 0;
    for (X509Certificate certificate : chain) {
      der += certificate.getEncoded().length;
    }
    assertThat(budget.chainDerBytes()).isEqualTo(der);
    assertThat(budget.chainC509Bytes()).isLessThan(budget.chainDerBytes());
    assertThat(budget.fitsFlash()).isTrue();
    assertThat(budget.flashShare()).isBetween(0.0, 0.01);
  }

  @Test
  void postQuantumChainsCostAnOrderOfMagnitudeMoreThanEcdsaOnes() throws Exception {
    SizeBudget ecdsa = SizeBudget.of(chain(KeyAlgorithm.EC_P256), DeviceProfile.constrained());
    SizeBudget mlDsa = SizeBudget.of(chain(KeyAlgorithm.ML_DSA_65), DeviceProfile.constrained());
    SizeBudget composite = SizeBudget.of(chain(KeyAlgorithm.MLDSA65_ECDSA_P256_SHA512), DeviceProfile.constrained());

    assertThat(mlDsa.chainDerBytes()).isGreaterThan(10 * ecdsa.chainDerBytes());
    assertThat(composite.chainDerBytes()).isGreaterThan(mlDsa.chainDerBytes());
  }

  @Test
  void measuresTheHeapVerificationAllocatesOnHotSpot() throws Exception {
    SizeBudget budget = SizeBudget.of(chain(KeyAlgorithm.ML_DSA_87), new DeviceProfile("tiny", 64 * 1024, 1024));

    assertThat(budget.verificationAllocatedBytes()).isPresent();
    assertThat(budget.verificationAllocatedBytes().getAsLong()).isPositive();
    assertThat(budget.verificationFitsRam()).contains(false); // 1 KiB of RAM fits no ML-DSA verification
    assertThat(budget.fitsFlash()).isTrue();
  }
}
