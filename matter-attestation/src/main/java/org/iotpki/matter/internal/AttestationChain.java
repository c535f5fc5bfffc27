// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.internal;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iotpki.core.validation.ChainResult;
import org.iotpki.core.validation.ChainValidator;

/**
 * The SDK's ValidateCertificateChain: RFC 5280 path validation of DAC -> PAI -> PAA, by default at
 * the DAC's notBefore, so that intermediate and root only had to be valid when the DAC was issued.
 */
public final class AttestationChain {
  private AttestationChain() {}

  /** Why the path does not validate at {@code time}, if it does not; a null PAI means none was sent. */
  public static Optional<ChainResult.Invalid> validate(X509Certificate paa, X509Certificate pai, X509Certificate dac,
      Instant time) {
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(dac);
    if (pai != null) {
      chain.add(pai);
    }
    ChainResult result = ChainValidator.builder().trustAnchor(paa).build().validate(chain, time);
    return result instanceof ChainResult.Invalid invalid ? Optional.of(invalid) : Optional.empty();
  }

  /** The SDK's validation time: the DAC's notBefore. */
  public static Instant issuanceTime(X509Certificate dac) {
    return dac.getNotBefore().toInstant();
  }
}
