// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.internal;

import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.ASN1GeneralizedTime;

/** What a DER element holds, recognized from its structure alone (DER carries no label). */
public enum DerKind {
  CERTIFICATE,
  CRL,
  CERTIFICATION_REQUEST,
  PRIVATE_KEY_INFO,
  ENCRYPTED_PRIVATE_KEY_INFO,
  SEC1_EC_PRIVATE_KEY,
  PKCS1_RSA_PRIVATE_KEY,
  SUBJECT_PUBLIC_KEY_INFO,
  UNKNOWN;

  /** Recognizes a parsed element; anything unexpected is {@link #UNKNOWN}. */
  public static DerKind of(ASN1Encodable element) {
    if (!(element instanceof ASN1Sequence)) {
      return UNKNOWN;
    }
    ASN1Sequence sequence = (ASN1Sequence) element;
    int size = sequence.size();
    if (size == 3
        && sequence.getObjectAt(0) instanceof ASN1Sequence
        && sequence.getObjectAt(1) instanceof ASN1Sequence
        && sequence.getObjectAt(2) instanceof ASN1BitString) {
      return signedKind((ASN1Sequence) sequence.getObjectAt(0));
    }
    if (size == 2
        && sequence.getObjectAt(0) instanceof ASN1Sequence
        && sequence.getObjectAt(1) instanceof ASN1BitString) {
      return SUBJECT_PUBLIC_KEY_INFO;
    }
    if (size == 2
        && sequence.getObjectAt(0) instanceof ASN1Sequence
        && sequence.getObjectAt(1) instanceof ASN1OctetString) {
      return ENCRYPTED_PRIVATE_KEY_INFO;
    }
    if (size >= 3 && sequence.getObjectAt(0) instanceof ASN1Integer) {
      return keyKind(sequence);
    }
    return UNKNOWN;
  }

  private static DerKind keyKind(ASN1Sequence sequence) {
    ASN1Integer version = (ASN1Integer) sequence.getObjectAt(0);
    boolean zeroOrOne = version.hasValue(0) || version.hasValue(1);
    ASN1Encodable second = sequence.getObjectAt(1);
    if (zeroOrOne
        && second instanceof ASN1Sequence
        && sequence.getObjectAt(2) instanceof ASN1OctetString) {
      return PRIVATE_KEY_INFO;
    }
    if (version.hasValue(1) && second instanceof ASN1OctetString) {
      return SEC1_EC_PRIVATE_KEY;
    }
    if (zeroOrOne && sequence.size() >= 9 && allIntegers(sequence)) {
      return PKCS1_RSA_PRIVATE_KEY;
    }
    return UNKNOWN;
  }

  /** Tells certificate, CRL and CSR apart by their to-be-signed structures. */
  private static DerKind signedKind(ASN1Sequence tbs) {
    int size = tbs.size();
    if (size == 0) {
      return UNKNOWN;
    }
    if (size == 4
        && tbs.getObjectAt(0) instanceof ASN1Integer
        && tbs.getObjectAt(2) instanceof ASN1Sequence
        && tbs.getObjectAt(3) instanceof ASN1TaggedObject) {
      return CERTIFICATION_REQUEST;
    }
    // TBSCertList: [version INTEGER] signature, issuer, thisUpdate Time, ...
    int thisUpdate = size > 0 && tbs.getObjectAt(0) instanceof ASN1Integer ? 3 : 2;
    if (size > thisUpdate && isTime(tbs.getObjectAt(thisUpdate))) {
      return CRL;
    }
    // TBSCertificate: [0] version, serial, signature, issuer, validity, subject, spki, ...
    int validity = tbs.getObjectAt(0) instanceof ASN1TaggedObject ? 4 : 3;
    if (size > validity + 2 && tbs.getObjectAt(validity) instanceof ASN1Sequence) {
      return CERTIFICATE;
    }
    return UNKNOWN;
  }

  private static boolean isTime(ASN1Encodable element) {
    return element instanceof ASN1UTCTime
        || element instanceof ASN1GeneralizedTime;
  }

  private static boolean allIntegers(ASN1Sequence sequence) {
    for (ASN1Encodable element : sequence) {
      if (!(element instanceof ASN1Integer)) {
        return false;
      }
    }
    return true;
  }
}
