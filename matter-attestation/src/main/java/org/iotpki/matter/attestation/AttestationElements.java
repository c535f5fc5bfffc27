// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.attestation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.iotpki.matter.tlv.TlvFormatException;
import org.iotpki.matter.tlv.TlvReader;
import org.iotpki.matter.tlv.TlvTag;
import org.iotpki.matter.tlv.TlvType;
import org.iotpki.matter.tlv.TlvWriter;

/**
 * The attestation elements of an Attestation Response (Matter Core 11.18.4.7): the TLV the device
 * signs, together with the attestation challenge, with its DAC key.
 *
 * @param certificationDeclaration certification_declaration [1], the CMS-signed CD
 * @param attestationNonce attestation_nonce [2]
 * @param timestamp timestamp [3], 32 bits
 * @param firmwareInformation firmware_information [4], if present
 * @param vendorReserved the vendor-reserved elements (fully-qualified profile tags), in order
 */
public record AttestationElements(
    byte[] certificationDeclaration,
    byte[] attestationNonce,
    long timestamp,
    Optional<byte[]> firmwareInformation,
    List<VendorReserved> vendorReserved) {

  /** RESP_MAX of Matter Core 11.18.5.1: the largest attestation elements a device may send. */
  public static final int MAX_LENGTH = 900;
  /** The length of an attestation nonce. */
  public static final int NONCE_LENGTH = 32;

  /** A vendor-reserved element: its profile tag and octet-string value. */
  public record VendorReserved(int vendorId, int profileNumber, long tagNumber, byte[] data) {
    public VendorReserved {
      data = data.clone();
    }

    @Override
    public byte[] data() {
      return data.clone();
    }
  }

  public AttestationElements {
    certificationDeclaration = certificationDeclaration.clone();
    attestationNonce = attestationNonce.clone();
    firmwareInformation = firmwareInformation.map(byte[]::clone);
    vendorReserved = List.copyOf(vendorReserved);
    if (timestamp < 0 || timestamp > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("timestamp must be 32 bits");
    }
  }

  @Override
  public byte[] certificationDeclaration() {
    return certificationDeclaration.clone();
  }

  @Override
  public byte[] attestationNonce() {
    return attestationNonce.clone();
  }

  @Override
  public Optional<byte[]> firmwareInformation() {
    return firmwareInformation.map(byte[]::clone);
  }

  /**
   * Decodes attestation elements with the SDK's rules: the context-tagged fields first and in
   * increasing tag order, starting with [1]; [1], [2] and [3] required; unknown context tags
   * skipped; vendor-reserved elements after them.
   *
   * @throws AttestationFormatException if {@code tlv} does not follow those rules or exceeds
   *     {@link #MAX_LENGTH}
   */
  public static AttestationElements decode(byte[] tlv) throws AttestationFormatException {
    Objects.requireNonNull(tlv, "tlv");
    if (tlv.length > MAX_LENGTH) {
      throw new AttestationFormatException("attestation elements of " + tlv.length + " bytes, over " + MAX_LENGTH);
    }
    try {
      TlvReader reader = TlvReader.of(tlv);
      if (!reader.next() || reader.type() != TlvType.STRUCTURE || !reader.tag().isAnonymous()) {
        throw new AttestationFormatException("attestation elements are an anonymous structure", 0);
      }
      reader.enterContainer();
      byte[] cd = null;
      byte[] nonce = null;
      long timestamp = -1;
      byte[] firmware = null;
      long lastTag = 0;
      List<VendorReserved> vendorReserved = new ArrayList<>();
      boolean more = reader.next();
      while (more && reader.tag().kind() == TlvTag.Kind.CONTEXT) {
        long number = reader.tag().number();
        if (lastTag == 0 ? number != 1 : number <= lastTag) {
          throw new AttestationFormatException(lastTag == 0
              ? "the first element must be certification_declaration [1]"
              : "context tag " + number + " after " + lastTag + ": not in increasing order", reader.offset());
        }
        lastTag = number;
        switch ((int) number) {
          case 1 -> cd = reader.getBytes();
          case 2 -> nonce = reader.getBytes();
          case 3 -> timestamp = reader.getUnsigned(0xFFFF_FFFFL);
          case 4 -> firmware = reader.getBytes();
          default -> {
            // a later specification's field: skipped, as the SDK does
          }
        }
        more = reader.next();
      }
      while (more) {
        TlvTag tag = reader.tag();
        if (tag.kind() == TlvTag.Kind.FULLY_QUALIFIED) {
          vendorReserved.add(new VendorReserved(tag.vendorId(), tag.profileNumber(), tag.number(), reader.getBytes()));
        }
        more = reader.next();
      }
      reader.exitContainer();
      reader.expectEnd();
      if (cd == null || nonce == null || timestamp < 0) {
        throw new AttestationFormatException(
            "attestation elements need certification_declaration [1], attestation_nonce [2] and timestamp [3]");
      }
      return new AttestationElements(cd, nonce, timestamp, Optional.ofNullable(firmware), vendorReserved);
    } catch (TlvFormatException e) {
      throw new AttestationFormatException("attestation elements: " + e.problem(), e.offset());
    }
  }

  /** The TLV encoding, as a device writes it. */
  public byte[] encode() {
    TlvWriter writer = TlvWriter.create().startStructure(TlvTag.anonymous())
        .putBytes(TlvTag.context(1), certificationDeclaration)
        .putBytes(TlvTag.context(2), attestationNonce)
        .putUnsigned(TlvTag.context(3), timestamp);
    firmwareInformation.ifPresent(info -> writer.putBytes(TlvTag.context(4), info));
    for (VendorReserved element : vendorReserved) {
      writer.putBytes(TlvTag.fullyQualified(element.vendorId(), element.profileNumber(), element.tagNumber()),
          element.data);
    }
    return writer.endContainer().toByteArray();
  }
}
