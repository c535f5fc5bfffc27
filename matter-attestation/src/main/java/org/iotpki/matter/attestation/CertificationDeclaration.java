// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.attestation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.iotpki.matter.tlv.TlvFormatException;
import org.iotpki.matter.tlv.TlvReader;
import org.iotpki.matter.tlv.TlvTag;
import org.iotpki.matter.tlv.TlvType;
import org.iotpki.matter.tlv.TlvWriter;

/**
 * The content of a Matter Certification Declaration (Matter Core 6.3.1): the TLV structure that the
 * CSA signs in a CMS envelope.
 *
 * <pre>{@code
 * CertificationDeclaration cd = CertificationDeclaration.decode(tlv);
 * boolean covered = cd.productIds().contains(0x8000);
 * }</pre>
 *
 * @param formatVersion format_version [0]
 * @param vendorId vendor_id [1]
 * @param productIds product_id_array [2], at most 100 IDs
 * @param deviceTypeId device_type_id [3], 32 bits
 * @param certificateId certificate_id [4], 19 characters
 * @param securityLevel security_level [5], 8 bits
 * @param securityInformation security_information [6], 16 bits
 * @param versionNumber version_number [7], 16 bits
 * @param certificationType certification_type [8], 8 bits (0 development, 1 provisional, 2 official)
 * @param dacOriginVendorId dac_origin_vendor_id [9], present with dac_origin_product_id or not at all
 * @param dacOriginProductId dac_origin_product_id [10]
 * @param authorizedPaaList authorized_paa_list [11]: subject key IDs of 20 bytes, at most 10, if the
 *     field is present (present and empty authorizes no PAA, as in the SDK)
 */
public record CertificationDeclaration(
    int formatVersion,
    int vendorId,
    List<Integer> productIds,
    long deviceTypeId,
    String certificateId,
    int securityLevel,
    int securityInformation,
    int versionNumber,
    int certificationType,
    OptionalInt dacOriginVendorId,
    OptionalInt dacOriginProductId,
    Optional<List<byte[]>> authorizedPaaList) {

  /** The SDK's kMaxProductIdsCount. */
  public static final int MAX_PRODUCT_IDS = 100;
  /** The SDK's kMaxAuthorizedPAAListCount. */
  public static final int MAX_AUTHORIZED_PAAS = 10;
  /** The SDK's kCertificateIdLength. */
  public static final int CERTIFICATE_ID_LENGTH = 19;
  /** No Certification Declaration content is larger: bounds what decode reads. */
  public static final int MAX_ENCODED_LENGTH = 900;
  private static final int KEY_ID_LENGTH = 20;

  public CertificationDeclaration {
    productIds = List.copyOf(productIds);
    Objects.requireNonNull(certificateId, "certificateId");
    Objects.requireNonNull(dacOriginVendorId, "dacOriginVendorId");
    Objects.requireNonNull(dacOriginProductId, "dacOriginProductId");
    authorizedPaaList = authorizedPaaList.map(CertificationDeclaration::copy);
    check(formatVersion, 0xFFFF, "formatVersion");
    check(vendorId, 0xFFFF, "vendorId");
    productIds.forEach(id -> check(id, 0xFFFF, "productId"));
    if (productIds.size() > MAX_PRODUCT_IDS) {
      throw new IllegalArgumentException("at most " + MAX_PRODUCT_IDS + " product IDs");
    }
    check(deviceTypeId, 0xFFFF_FFFFL, "deviceTypeId");
    if (certificateId.length() != CERTIFICATE_ID_LENGTH) {
      throw new IllegalArgumentException("certificateId must have 19 characters");
    }
    check(securityLevel, 0xFF, "securityLevel");
    check(securityInformation, 0xFFFF, "securityInformation");
    check(versionNumber, 0xFFFF, "versionNumber");
    check(certificationType, 0xFF, "certificationType");
    if (dacOriginVendorId.isPresent() != dacOriginProductId.isPresent()) {
      throw new IllegalArgumentException("dac_origin_vendor_id and dac_origin_product_id go together");
    }
    dacOriginVendorId.ifPresent(id -> check(id, 0xFFFF, "dacOriginVendorId"));
    dacOriginProductId.ifPresent(id -> check(id, 0xFFFF, "dacOriginProductId"));
    List<byte[]> paas = authorizedPaaList.orElse(List.of());
    if (paas.size() > MAX_AUTHORIZED_PAAS) {
      throw new IllegalArgumentException("at most " + MAX_AUTHORIZED_PAAS + " authorized PAAs");
    }
    for (byte[] keyId : paas) {
      if (keyId.length != KEY_ID_LENGTH) {
        throw new IllegalArgumentException("authorized PAA key IDs have 20 bytes");
      }
    }
  }

  /** Copies of the authorized PAA key IDs, if the field is present. */
  @Override
  public Optional<List<byte[]>> authorizedPaaList() {
    return authorizedPaaList.map(CertificationDeclaration::copy);
  }

  /** Whether the CD has an authorized_paa_list and {@code paaKeyId} is not in it. */
  public boolean excludesPaa(byte[] paaKeyId) {
    return authorizedPaaList.isPresent()
        && authorizedPaaList.get().stream().noneMatch(id -> Arrays.equals(id, paaKeyId));
  }

  private static List<byte[]> copy(List<byte[]> keyIds) {
    return keyIds.stream().map(byte[]::clone).toList();
  }

  /**
   * Decodes the TLV content with the SDK's rules: fields in tag order, dac_origin_vendor_id only
   * with dac_origin_product_id, later unknown fields ignored, nothing after the structure.
   *
   * @throws AttestationFormatException if the content does not follow those rules
   */
  public static CertificationDeclaration decode(byte[] tlv) throws AttestationFormatException {
    if (tlv.length > MAX_ENCODED_LENGTH) {
      throw new AttestationFormatException("Certification Declaration of " + tlv.length + " bytes, over "
          + MAX_ENCODED_LENGTH);
    }
    try {
      TlvReader reader = TlvReader.of(tlv);
      if (!reader.next() || reader.type() != TlvType.STRUCTURE || !reader.tag().isAnonymous()) {
        throw new AttestationFormatException("a Certification Declaration is an anonymous structure", 0);
      }
      reader.enterContainer();
      int formatVersion = (int) unsigned(reader, 0, 0xFFFF, "format_version");
      int vendorId = (int) unsigned(reader, 1, 0xFFFF, "vendor_id");
      field(reader, 2, "product_id_array");
      reader.expectType(TlvType.ARRAY);
      reader.enterContainer();
      List<Integer> productIds = new ArrayList<>();
      while (reader.next()) {
        if (productIds.size() == MAX_PRODUCT_IDS) {
          throw new AttestationFormatException("more than " + MAX_PRODUCT_IDS + " product IDs", reader.offset());
        }
        productIds.add((int) reader.getUnsigned(0xFFFF));
      }
      reader.exitContainer();
      long deviceTypeId = unsigned(reader, 3, 0xFFFF_FFFFL, "device_type_id");
      field(reader, 4, "certificate_id");
      String certificateId = reader.getString();
      if (certificateId.length() != CERTIFICATE_ID_LENGTH) {
        throw new AttestationFormatException("certificate_id must have 19 characters", reader.offset());
      }
      int securityLevel = (int) unsigned(reader, 5, 0xFF, "security_level");
      int securityInformation = (int) unsigned(reader, 6, 0xFFFF, "security_information");
      int versionNumber = (int) unsigned(reader, 7, 0xFFFF, "version_number");
      int certificationType = (int) unsigned(reader, 8, 0xFF, "certification_type");
      OptionalInt originVendor = OptionalInt.empty();
      OptionalInt originProduct = OptionalInt.empty();
      List<byte[]> authorizedPaas = null;
      boolean more = reader.next();
      if (more && reader.tag().isContext(9)) {
        originVendor = OptionalInt.of((int) reader.getUnsigned(0xFFFF));
        originProduct = OptionalInt.of((int) unsigned(reader, 10, 0xFFFF, "dac_origin_product_id"));
        more = reader.next();
      }
      if (more && reader.tag().isContext(10)) {
        throw new AttestationFormatException("dac_origin_product_id without dac_origin_vendor_id", reader.offset());
      }
      if (more && reader.tag().isContext(11)) {
        reader.expectType(TlvType.ARRAY);
        reader.enterContainer();
        authorizedPaas = new ArrayList<>();
        while (reader.next()) {
          if (reader.valueLength() != KEY_ID_LENGTH) {
            throw new AttestationFormatException("authorized PAA key IDs have 20 bytes", reader.offset());
          }
          if (authorizedPaas.size() == MAX_AUTHORIZED_PAAS) {
            throw new AttestationFormatException("more than " + MAX_AUTHORIZED_PAAS + " authorized PAAs",
                reader.offset());
          }
          authorizedPaas.add(reader.getBytes());
        }
        reader.exitContainer();
      }
      // Fields a later format version adds are skipped (and checked) by exitContainer.
      reader.exitContainer();
      reader.expectEnd();
      return new CertificationDeclaration(formatVersion, vendorId, productIds, deviceTypeId, certificateId,
          securityLevel, securityInformation, versionNumber, certificationType, originVendor, originProduct,
          Optional.ofNullable(authorizedPaas));
    } catch (TlvFormatException e) {
      throw new AttestationFormatException("Certification Declaration: " + e.problem(), e.offset());
    }
  }

  /** The TLV content, in the layout {@link #decode} reads and the SDK writes. */
  public byte[] encode() {
    TlvWriter writer = TlvWriter.create().startStructure(TlvTag.anonymous())
        .putUnsigned(TlvTag.context(0), formatVersion)
        .putUnsigned(TlvTag.context(1), vendorId)
        .startArray(TlvTag.context(2));
    productIds.forEach(id -> writer.putUnsigned(TlvTag.anonymous(), id));
    writer.endContainer()
        .putUnsigned(TlvTag.context(3), deviceTypeId)
        .putString(TlvTag.context(4), certificateId)
        .putUnsigned(TlvTag.context(5), securityLevel)
        .putUnsigned(TlvTag.context(6), securityInformation)
        .putUnsigned(TlvTag.context(7), versionNumber)
        .putUnsigned(TlvTag.context(8), certificationType);
    if (dacOriginVendorId.isPresent()) {
      writer.putUnsigned(TlvTag.context(9), dacOriginVendorId.getAsInt())
          .putUnsigned(TlvTag.context(10), dacOriginProductId.getAsInt());
    }
    authorizedPaaList.ifPresent(paas -> {
      writer.startArray(TlvTag.context(11));
      paas.forEach(id -> writer.putBytes(TlvTag.anonymous(), id));
      writer.endContainer();
    });
    return writer.endContainer().toByteArray();
  }

  private static void field(TlvReader reader, int tag, String name) throws TlvFormatException, AttestationFormatException {
    if (!reader.next() || !reader.tag().isContext(tag)) {
      throw new AttestationFormatException(name + " [" + tag + "] missing or out of order", reader.position());
    }
  }

  private static long unsigned(TlvReader reader, int tag, long max, String name)
      throws TlvFormatException, AttestationFormatException {
    field(reader, tag, name);
    return reader.getUnsigned(max);
  }

  private static void check(long value, long max, String what) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(what + " out of range: " + value);
    }
  }
}
