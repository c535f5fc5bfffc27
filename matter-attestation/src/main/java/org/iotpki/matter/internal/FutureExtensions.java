// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.internal;

import java.util.Set;
import org.iotpki.core.PkiParseException;

/**
 * Checks and reads the DER {@code Extension} that a Matter "future extension" (TLV tag 6) carries:
 * {@code SEQUENCE { extnID OID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }}, in DER,
 * with an OID the dedicated extension tags do not cover.
 */
public final class FutureExtensions {
  /** basicConstraints, keyUsage, extendedKeyUsage, subjectKeyIdentifier, authorityKeyIdentifier. */
  public static final Set<String> DEDICATED_OIDS = Set.of("2.5.29.19", "2.5.29.15", "2.5.29.37", "2.5.29.14", "2.5.29.35");

  private FutureExtensions() {}

  /** The parts of a parsed extension. */
  public record Parsed(String oid, boolean critical) {}

  /** @throws IllegalArgumentException if {@code der} is not a DER Extension with a non-dedicated OID */
  public static void check(byte[] der) {
    try {
      parse(der);
    } catch (PkiParseException e) {
      throw new IllegalArgumentException("future extension: " + e.getMessage(), e);
    }
  }

  /** The extension's OID; {@code der} was {@linkplain #check checked}. */
  public static String oid(byte[] der) {
    return parseChecked(der).oid();
  }

  /** Whether the extension is critical; {@code der} was {@linkplain #check checked}. */
  public static boolean critical(byte[] der) {
    return parseChecked(der).critical();
  }

  /**
   * The OID and critical flag of a future extension's DER.
   *
   * @throws PkiParseException unless it is one DER Extension whose OID has no TLV tag of its own
   */
  public static Parsed parse(byte[] der) throws PkiParseException {
    return parse(der, 0, der.length);
  }

  /** {@link #parse(byte[])} of {@code length} bytes of {@code source} from {@code offset}. */
  public static Parsed parse(byte[] source, int offset, int length) throws PkiParseException {
    DerReader outer = new DerReader(source, offset, offset + length);
    DerReader.Element sequence = outer.next(DerWriter.SEQUENCE, "extension");
    outer.expectEnd("the extension");
    DerReader fields = sequence.contents();
    String oid = Oids.dotted(fields.next(DerWriter.OID, "extension OID"));
    if (DEDICATED_OIDS.contains(oid)) {
      throw new PkiParseException("extension " + oid + " has its own TLV tag, it is not a future extension", 0);
    }
    boolean critical = false;
    if (fields.peekTag() == DerWriter.BOOLEAN) {
      fields.nextTrue("extension critical flag");
      critical = true;
    }
    fields.next(DerWriter.OCTET_STRING, "extension value");
    fields.expectEnd("the extension value");
    return new Parsed(oid, critical);
  }

  private static Parsed parseChecked(byte[] der) {
    try {
      return parse(der);
    } catch (PkiParseException e) {
      throw new IllegalStateException("checked when the extension was made", e);
    }
  }
}
