// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.keys;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A PKCS#11 URI (RFC 7512) naming a private key in a token, such as
 * {@code pkcs11:token=factory;object=pai-2026?module-path=/usr/lib/softhsm/libsofthsm2.so&pin-source=file:/run/pin}.
 *
 * <p>iotpki selects the token by {@code token} (label) or {@code slot-id}, and the key by
 * {@code object} (its label). SunPKCS11 finds keys by label only, so a URI with an {@code id} and
 * no {@code object} is refused; keys iotpki generates have an id equal to their label's bytes.
 * Attributes iotpki cannot match on ({@code serial}, {@code manufacturer}, ...) are refused rather
 * than ignored, so that a URI never selects another key than the one it describes. The PIN comes
 * from {@code pin-value}, or {@code pin-source} naming a file ({@code file:} URI or absolute path)
 * or, as an iotpki extension, an environment variable ({@code env:NAME}).
 */
public final class Pkcs11Uri {
  private static final int MAX_LENGTH = 4096;
  private static final String SCHEME = "pkcs11:";
  private static final Set<String> PATH_ATTRIBUTES = Set.of("token", "object", "id", "slot-id", "type");
  private static final Set<String> QUERY_ATTRIBUTES = Set.of("module-path", "pin-source", "pin-value");
  private static final Set<String> UNSUPPORTED = Set.of("manufacturer", "serial", "model",
      "library-manufacturer", "library-version", "library-description", "slot-description",
      "slot-manufacturer", "module-name");

  private final Map<String, String> attributes;
  private final Optional<byte[]> id;

  private Pkcs11Uri(Map<String, String> attributes, Optional<byte[]> id) {
    this.attributes = Map.copyOf(attributes);
    this.id = id;
  }

  /**
   * Parses a PKCS#11 URI.
   *
   * @throws IllegalArgumentException if it is not an RFC 7512 URI, repeats an attribute, names an
   *     attribute iotpki cannot match on, or names no key ({@code object})
   */
  public static Pkcs11Uri parse(String uri) {
    if (uri.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("a PKCS#11 URI of " + uri.length() + " characters exceeds " + MAX_LENGTH);
    }
    if (!uri.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      throw new IllegalArgumentException("not a PKCS#11 URI (pkcs11:...): " + uri);
    }
    String rest = uri.substring(SCHEME.length());
    int query = rest.indexOf('?');
    Map<String, String> attributes = new HashMap<>();
    Optional<byte[]> id = Optional.empty();
    for (String attribute : split(query < 0 ? rest : rest.substring(0, query), ';')) {
      String name = name(attribute);
      byte[] value = decode(attribute.substring(name.length() + 1));
      if (name.equals("id")) {
        id = Optional.of(value);
      }
      put(attributes, name, name.equals("id") ? "" : utf8(value, name), PATH_ATTRIBUTES);
    }
    if (query >= 0) {
      for (String attribute : split(rest.substring(query + 1), '&')) {
        String name = name(attribute);
        put(attributes, name, utf8(decode(attribute.substring(name.length() + 1)), name), QUERY_ATTRIBUTES);
      }
    }
    if (!attributes.containsKey("object")) {
      throw new IllegalArgumentException(attributes.containsKey("id")
          ? "the PKCS#11 URI names its key by id only; SunPKCS11 finds keys by label: add object=<label>"
          : "the PKCS#11 URI names no key (object=<label>)");
    }
    String type = attributes.getOrDefault("type", "private");
    if (!type.equals("private")) {
      throw new IllegalArgumentException("the PKCS#11 URI names a " + type + " object; a signing key is type=private");
    }
    return new Pkcs11Uri(attributes, id);
  }

  /** The token's label ({@code token}). */
  public Optional<String> token() {
    return Optional.ofNullable(attributes.get("token"));
  }

  /** The slot id ({@code slot-id}). */
  public OptionalLong slotId() {
    String slot = attributes.get("slot-id");
    return slot == null ? OptionalLong.empty() : OptionalLong.of(Long.parseUnsignedLong(slot));
  }

  /** The key's label ({@code object}). */
  public String object() {
    return attributes.get("object");
  }

  /** The key's CKA_ID ({@code id}), decoded. */
  public Optional<byte[]> id() {
    return id.map(byte[]::clone);
  }

  /** The PKCS#11 module ({@code module-path}). */
  public Optional<Path> modulePath() {
    return Optional.ofNullable(attributes.get("module-path")).map(Path::of);
  }

  /**
   * The PIN source the URI names: {@code pin-value}, or {@code pin-source} as a file or an
   * environment variable ({@code env:NAME}).
   *
   * @throws IllegalArgumentException for a {@code pin-source} that is neither
   */
  public Optional<PinSource> pin() {
    String value = attributes.get("pin-value");
    if (value != null) {
      return Optional.of(PinSource.of(value.toCharArray()));
    }
    String source = attributes.get("pin-source");
    if (source == null) {
      return Optional.empty();
    }
    if (source.startsWith("env:")) {
      return Optional.of(PinSource.environment(source.substring("env:".length())));
    }
    if (source.startsWith("file:")) {
      return Optional.of(PinSource.file(Path.of(URI.create(source))));
    }
    if (source.startsWith("/")) {
      return Optional.of(PinSource.file(Path.of(source)));
    }
    throw new IllegalArgumentException(
        "pin-source must be a file (file:/path or /path) or env:VARIABLE, was " + source);
  }

  /**
   * A builder for the token this URI names, with its module and PIN source when the URI has
   * them: the caller adds what is missing (a module given on the command line, a PIN prompt).
   *
   * @throws IllegalArgumentException if the URI names neither a token nor a slot
   */
  public Pkcs11Token.Builder tokenBuilder() {
    Pkcs11Token.Builder builder = Pkcs11Token.builder();
    if (token().isPresent()) {
      builder.tokenLabel(token().get());
    } else if (slotId().isPresent()) {
      builder.slot(slotId().getAsLong());
    } else {
      throw new IllegalArgumentException("the PKCS#11 URI names no token (token=<label> or slot-id=<id>)");
    }
    modulePath().ifPresent(builder::library);
    pin().ifPresent(builder::pin);
    return builder;
  }

  /** The URI of the key labelled {@code object} in the token labelled {@code tokenLabel}. */
  public static Pkcs11Uri forKey(String tokenLabel, String object) {
    return parse("pkcs11:token=" + encode(tokenLabel) + ";object=" + encode(object) + ";type=private");
  }

  /** The URI of the key labelled {@code object} in the token in slot {@code slotId}. */
  public static Pkcs11Uri forKeyInSlot(long slotId, String object) {
    return parse("pkcs11:slot-id=" + Long.toUnsignedString(slotId) + ";object=" + encode(object) + ";type=private");
  }

  /** The URI: what it selects and its module, never a PIN. */
  @Override
  public String toString() {
    StringBuilder uri = new StringBuilder("pkcs11:");
    uri.append(token().map(label -> "token=" + encode(label)).orElseGet(() -> "slot-id=" + attributes.get("slot-id")));
    uri.append(";object=").append(encode(object())).append(";type=private");
    modulePath().ifPresent(module -> uri.append("?module-path=").append(encode(module.toString())));
    return uri.toString();
  }

  private static String encode(String value) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      // RFC 7512 pk11-pchar: unreserved and a few sub-delimiters pass, the rest is encoded.
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~:[]@!$'()*+,/".indexOf(c) >= 0) {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return encoded.toString();
  }

  private static String[] split(String part, char separator) {
    return part.isEmpty() ? new String[0] : part.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1);
  }

  private static String name(String attribute) {
    int equals = attribute.indexOf('=');
    if (equals <= 0) {
      throw new IllegalArgumentException("a PKCS#11 URI attribute is name=value, was '" + attribute + "'");
    }
    return attribute.substring(0, equals).toLowerCase(Locale.ROOT);
  }

  private static void put(Map<String, String> attributes, String name, String value, Set<String> allowed) {
    if (UNSUPPORTED.contains(name)) {
      throw new IllegalArgumentException("iotpki cannot select a key by the PKCS#11 URI attribute " + name);
    }
    if (!allowed.contains(name)) {
      throw new IllegalArgumentException("unknown or misplaced PKCS#11 URI attribute " + name
          + " (path: " + PATH_ATTRIBUTES + ", after '?': " + QUERY_ATTRIBUTES + ")");
    }
    if (attributes.putIfAbsent(name, value) != null) {
      throw new IllegalArgumentException("the PKCS#11 URI repeats " + name);
    }
    if (name.equals("slot-id") && !value.matches("[0-9]{1,20}")) {
      throw new IllegalArgumentException("slot-id must be a decimal number, was " + value);
    }
    if (name.equals("slot-id")) {
      Long.parseUnsignedLong(value); // a NumberFormatException (an IllegalArgumentException) above 2^64 - 1
    }
  }

  private static byte[] decode(String value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%') {
        if (i + 2 >= value.length()) {
          throw new IllegalArgumentException("truncated percent-encoding in PKCS#11 URI value");
        }
        int high = Character.digit(value.charAt(i + 1), 16);
        int low = Character.digit(value.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          throw new IllegalArgumentException("bad percent-encoding in PKCS#11 URI value at " + value.substring(i, i + 3));
        }
        bytes.write(high << 4 | low);
        i += 2;
      } else if (c > 0x7e || c < 0x21) {
        throw new IllegalArgumentException("a PKCS#11 URI value has a character that must be percent-encoded");
      } else {
        bytes.write(c);
      }
    }
    return bytes.toByteArray();
  }

  private static String utf8(byte[] value, String name) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(value))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("PKCS#11 URI attribute " + name + " is not UTF-8");
    }
  }
}
