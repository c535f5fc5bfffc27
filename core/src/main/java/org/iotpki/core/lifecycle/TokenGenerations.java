// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.lifecycle;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.ProviderStrategy;
import org.iotpki.core.keys.TokenKey;
import org.iotpki.core.keys.TokenKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The keys of a {@link FileCredentialStore} in a token: one label per generation. */
final class TokenGenerations {
  private static final Logger LOG = LoggerFactory.getLogger(TokenGenerations.class);
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final TokenKeys token;
  private final String prefix;
  private final Pattern label;

  TokenGenerations(TokenKeys token, String prefix) {
    this.token = Objects.requireNonNull(token, "token");
    if (!PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("a key label prefix is 1 to 64 letters, digits, '.', '_'"
          + " or '-', not '" + prefix + "'");
    }
    this.prefix = prefix;
    this.label = Pattern.compile(Pattern.quote(prefix) + "-([1-9][0-9]{0,17})");
  }

  ProviderStrategy providers() {
    return token.providers();
  }

  void generate(long generation, KeyAlgorithm algorithm) throws IOException {
    try {
      token.generate(label(generation), algorithm);
    } catch (GeneralSecurityException e) {
      throw new IOException("the token could not make the key " + label(generation) + ": " + e, e);
    }
  }

  TokenKey key(long generation) throws IOException {
    try {
      return token.find(label(generation)).orElseThrow(() -> new IOException("the key "
          + label(generation) + " is missing from the token: the credential store was changed"
          + " by hand"));
    } catch (GeneralSecurityException e) {
      throw new IOException("the token could not find the key " + label(generation) + ": " + e, e);
    }
  }

  /** Destroys this store's keys that {@code state} does not name. */
  void destroyUnreferenced(StoreState state) throws IOException {
    try {
      for (String existing : token.labels()) {
        Matcher name = label.matcher(existing);
        if (name.matches() && !state.references(Long.parseLong(name.group(1)))) {
          LOG.debug("destroying the token key {}, which the credential store no longer refers to",
              existing);
          token.delete(existing);
        }
      }
    } catch (GeneralSecurityException e) {
      throw new IOException("the token could not list or destroy keys: " + e, e);
    }
  }

  private String label(long generation) {
    return prefix + "-" + generation;
  }

  @Override
  public String toString() {
    return token + " as " + prefix + "-<n>";
  }
}
