// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;

/** Small helpers over BC's ASN.1 objects. */
public final class Asn1 {
  private Asn1() {}

  /** The DER encoding of an in-memory ASN.1 object (which cannot fail for well-formed objects). */
  public static byte[] der(ASN1Encodable value) {
    try {
      return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot DER-encode " + value.getClass().getSimpleName(), e);
    }
  }
}
