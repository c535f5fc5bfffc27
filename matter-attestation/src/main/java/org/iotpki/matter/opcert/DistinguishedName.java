// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.opcert;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The issuer or subject of a Matter certificate: its attributes in order, one per RDN.
 *
 * @param attributes the attributes, at most {@link #MAX_ATTRIBUTES}
 */
public record DistinguishedName(List<DnAttribute> attributes) {
  /** The most attributes a Matter DN has (connectedhomeip CHIP_CONFIG_CERT_MAX_RDN_ATTRIBUTES). */
  public static final int MAX_ATTRIBUTES = 5;

  /** @throws IllegalArgumentException with more than {@link #MAX_ATTRIBUTES} attributes */
  public DistinguishedName {
    attributes = List.copyOf(Objects.requireNonNull(attributes, "attributes"));
    if (attributes.size() > MAX_ATTRIBUTES) {
      throw new IllegalArgumentException(
          "a Matter DN has at most " + MAX_ATTRIBUTES + " attributes, not " + attributes.size());
    }
  }

  /** A DN of these attributes. */
  public static DistinguishedName of(DnAttribute... attributes) {
    return new DistinguishedName(List.of(attributes));
  }

  /** The value of the first Matter identifier of {@code type}, if there is one. */
  public OptionalLong matterId(DnAttributeType type) {
    return ids(type).stream().mapToLong(Long::longValue).findFirst();
  }

  /** The values of all Matter identifiers of {@code type}, in order. */
  public List<Long> ids(DnAttributeType type) {
    return attributes.stream()
        .filter(a -> a.type() == type && a instanceof DnAttribute.MatterId)
        .map(a -> ((DnAttribute.MatterId) a).value())
        .collect(Collectors.toUnmodifiableList());
  }

  /** How many attributes of {@code type} there are. */
  public long count(DnAttributeType type) {
    return attributes.stream().filter(a -> a.type() == type).count();
  }

  @Override
  public String toString() {
    return attributes.stream().map(Object::toString).collect(Collectors.joining(", "));
  }
}
