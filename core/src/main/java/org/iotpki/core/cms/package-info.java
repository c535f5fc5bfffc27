// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

/**
 * CMS SignedData (RFC 5652) signing and verification for every iotpki signature algorithm,
 * ML-DSA per RFC 9882 included.
 */
package org.iotpki.core.cms;
