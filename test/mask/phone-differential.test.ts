/**
 * Differential guard for the phone code: scrubText, parsePhoneField, normalizePhone, phoneToE164
 * and maskPhone must answer exactly as the recorded implementation did (libphonenumber-js's
 * text finder and the 45-country `max` metadata) on ~39,000 texts: every string literal of the
 * mask and hostile tests, the goods and phone evaluation texts, and generated numbers of every
 * supported (and a few unsupported) countries and every Vietnamese prefix, in every written
 * style, alone and inside sentences. See test/mask/_phone-corpus.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bucketDigests, bucketOf, corpus, FIXTURE, outputsOf, type Fixture } from './_phone-corpus.js';

describe('phone differential corpus', () => {
  it('gives the recorded outputs for every text', () => {
    const fx = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Fixture;
    const texts = corpus(fx.literals);
    expect(texts.length).toBe(fx.count);
    const rows = texts.map((s) => outputsOf(s));
    const now = bucketDigests(texts, rows);
    const bad = Object.keys(fx.buckets).filter((b) => fx.buckets[b] !== now[b]);
    // On a mismatch, name the inputs of the first differing buckets (their current outputs too);
    // `npx tsx test/mask/_phone-corpus.ts --dump FILE` on both versions gives the full diff.
    const sample = texts.filter((s) => bad.slice(0, 3).includes(String(bucketOf(s))));
    expect(bad, JSON.stringify(sample.slice(0, 40).map((s) => [s, outputsOf(s)]))).toEqual([]);
  }, 300_000);
});
