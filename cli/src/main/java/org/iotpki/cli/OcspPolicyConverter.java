// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import org.iotpki.core.revocation.OcspPolicy;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code hard-fail} or {@code soft-fail}: the OCSP policies a command line can ask for. */
final class OcspPolicyConverter implements ITypeConverter<OcspPolicy> {
  @Override
  public OcspPolicy convert(String value) {
    switch (value) {
      case "hard-fail":
        return OcspPolicy.HARD_FAIL;
      case "soft-fail":
        return OcspPolicy.SOFT_FAIL;
      default:
        throw new TypeConversionException("'" + value + "' is not a policy: hard-fail or soft-fail");
    }
  }
}
