import { describe, expect, it } from 'vitest'
import {
  formatMailLink,
  formatPortalLink,
  MAIL_LINK_MAX_LENGTH,
  parseMailLink,
} from '@shared/mail-link'

const HOST = 'mescertif.example.ca'
const TOKEN = 'q3xZ0_-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789'
const kinds = ['invite', 'activate', 'reset'] as const

describe('mail links: accepted forms', () => {
  it.each(kinds)('accepts mescertif://%s/<token> and its https twin', (kind) => {
    expect(TOKEN).toHaveLength(43)
    expect(parseMailLink(`mescertif://${kind}/${TOKEN}`, HOST)).toEqual({
      ok: true,
      link: { kind, token: TOKEN },
    })
    expect(parseMailLink(`https://${HOST}/kiosk/${kind}/${TOKEN}`, HOST)).toEqual({
      ok: true,
      link: { kind, token: TOKEN },
    })
  })

  it('forgives the whitespace a paste or a scanner adds around a link, and an upper-case scheme', () => {
    expect(parseMailLink(`  mescertif://reset/${TOKEN}\r\n`, HOST).ok).toBe(true)
    expect(parseMailLink(`MESCERTIF://reset/${TOKEN}`, HOST).ok).toBe(true)
  })

  it('formats what it parses', () => {
    expect(parseMailLink(formatMailLink('invite', TOKEN), HOST).ok).toBe(true)
    expect(parseMailLink(formatPortalLink(`https://${HOST}/`, 'activate', TOKEN), HOST).ok).toBe(
      true,
    )
  })
})

/** At least 200 hostile or malformed links; every one must be refused, each with a reason. */
function hostileCorpus(): string[] {
  const base = `mescertif://activate/${TOKEN}`
  const web = `https://${HOST}/kiosk/activate/${TOKEN}`
  const corpus = new Set<string>([
    '',
    ' ',
    '\n',
    'mescertif://',
    'mescertif:activate/' + TOKEN,
    'mescertif:/activate/' + TOKEN,
    'mescertif:///activate/' + TOKEN,
    'javascript:alert(1)',
    'javascript://activate/' + TOKEN,
    'JaVaScRiPt:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'file://activate/' + TOKEN,
    'vbscript:msgbox(1)',
    'http://' + HOST + '/kiosk/activate/' + TOKEN,
    'ftp://' + HOST + '/kiosk/activate/' + TOKEN,
    'https://evil.example/kiosk/activate/' + TOKEN,
    `https://${HOST}.evil.example/kiosk/activate/${TOKEN}`,
    `https://evil.example/${HOST}/kiosk/activate/${TOKEN}`,
    `https://user@${HOST}/kiosk/activate/${TOKEN}`,
    `https://${HOST}@evil.example/kiosk/activate/${TOKEN}`,
    `https://${HOST}:443/kiosk/activate/${TOKEN}`,
    `https://${HOST}:8443/kiosk/activate/${TOKEN}`,
    `https://${HOST}./kiosk/activate/${TOKEN}`,
    `https://${HOST.toUpperCase()}/kiosk/activate/${TOKEN}`,
    `https://${HOST}/Kiosk/activate/${TOKEN}`,
    `https://${HOST}/activate/${TOKEN}`,
    `https://${HOST}/kiosk//activate/${TOKEN}`,
    `https://${HOST}//kiosk/activate/${TOKEN}`,
    `https://${HOST}/kiosk/activate/${TOKEN}/`,
    `https://${HOST}/kiosk/activate/${TOKEN}/extra`,
    `https://${HOST}/kiosk/../kiosk/activate/${TOKEN}`,
    `https://${HOST}/kiosk/./activate/${TOKEN}`,
    `https://${HOST}/kiosk/activate/../reset/${TOKEN}`,
    `mescertif://activate/../reset/${TOKEN}`,
    `mescertif://../activate/${TOKEN}`,
    `mescertif://activate/./${TOKEN}`,
    `mescertif://activate//${TOKEN}`,
    `mescertif://activate/${TOKEN}/`,
    `mescertif://activate/${TOKEN}/x`,
    `mescertif://activate/${TOKEN}/../../etc/passwd`,
    `mescertif:///${TOKEN}`,
    `mescertif://activate`,
    `mescertif://activate/`,
    `mescertif://Activate/${TOKEN}`,
    `mescertif://ACTIVATE/${TOKEN}`,
    `mescertif://login/${TOKEN}`,
    `mescertif://admin/${TOKEN}`,
    `mescertif://invitation/${TOKEN}`,
    `mescertif://activate%2f${TOKEN}`,
    `mescertif://activate%2F${TOKEN}`,
    `mescertif://activate/${TOKEN}%00`,
    `mescertif://activate/%2e%2e/${TOKEN}`,
    `mescertif://%61ctivate/${TOKEN}`,
    `https://${HOST}/kiosk%2factivate/${TOKEN}`,
    `https://${HOST}%2f@evil.example/kiosk/activate/${TOKEN}`,
    `${base}?next=https://evil.example`,
    `${base}#fragment`,
    `${base}?`,
    `${base}#`,
    `${web}?utm_source=mail`,
    `${web}#top`,
    `mescertif://activate/${TOKEN}\\..\\..`,
    `mescertif:\\\\activate\\${TOKEN}`,
    `https:\\\\${HOST}\\kiosk\\activate\\${TOKEN}`,
    `mescertif://activate/${TOKEN}\u0000`,
    `mescertif://activate/${TOKEN}\u0007`,
    `mescertif://activate/\u0000${TOKEN}`,
    `mescertif://act\u0000ivate/${TOKEN}`,
    `mescertif://activate/${TOKEN.slice(0, 20)} ${TOKEN.slice(21)}`,
    `mescertif://activate /${TOKEN}`,
    `mescertif ://activate/${TOKEN}`,
    `mescertif://activate/\t${TOKEN}`,
    `mescertif://activate/${TOKEN}\u200b`,
    `mescertif://activate/\u200b${TOKEN.slice(1)}`,
    `mescertif://activate/${TOKEN.slice(0, 42)}\u00e9`,
    `mescertif://аctivate/${TOKEN}`, // Cyrillic а
    `mescertif://activаte/${TOKEN}`,
    `mеscertif://activate/${TOKEN}`, // Cyrillic е
    `https://mescertif.exаmple.ca/kiosk/activate/${TOKEN}`,
    `https://xn--mescertif-exmple-7nb.ca/kiosk/activate/${TOKEN}`,
    `ｍescertif://activate/${TOKEN}`, // full-width m
    `mescertif://activate／${TOKEN}`, // full-width solidus
    `mescertif://activate/${TOKEN.slice(0, 42)}＝`,
    `\u202emescertif://activate/${TOKEN}`,
    `mescertif://activate/${TOKEN}\u202e`,
    `mescertif://activate/${'A'.repeat(10_000)}`,
    'x'.repeat(10_000),
    `${base}${' '.repeat(600)}`,
    `mescertif://activate/${TOKEN}mescertif://activate/${TOKEN}`,
    `mescertif://activate/${TOKEN} mescertif://reset/${TOKEN}`,
    `<mescertif://activate/${TOKEN}>`,
    `"mescertif://activate/${TOKEN}"`,
    `'mescertif://activate/${TOKEN}'`,
    `mescertif://activate/${TOKEN}'`,
    `mescertif://activate/${TOKEN};rm -rf /`,
    `mescertif://activate/${TOKEN}&&calc.exe`,
    `mescertif://activate/${TOKEN}|whoami`,
    `mescertif://activate/$(whoami)`,
    `mescertif://activate/\`id\``,
    `mescertif://activate/${TOKEN.replace(/.$/, '=')}`,
    `mescertif://activate/${TOKEN.replace(/.$/, '+')}`,
    `mescertif://activate/${TOKEN.replace(/.$/, '/')}`,
    `mescertif://activate/${TOKEN.replace(/.$/, '.')}`,
    `mescertif://activate/${TOKEN}=`,
    `mescertif://activate/${Buffer.alloc(32).toString('base64')}`,
    `mescertif://activate/${Buffer.alloc(32, 255).toString('hex')}`,
    'https://',
    `https:///kiosk/activate/${TOKEN}`,
    `https://${HOST}`,
    `https://${HOST}/`,
    `https://${HOST}/kiosk`,
    `https://${HOST}/kiosk/`,
    `https://${HOST}/kiosk/activate`,
    `//${HOST}/kiosk/activate/${TOKEN}`,
    `${HOST}/kiosk/activate/${TOKEN}`,
    `/kiosk/activate/${TOKEN}`,
    `activate/${TOKEN}`,
    TOKEN,
    '123456',
    'mescertif://activate/null',
    'mescertif://activate/undefined',
    'mescertif://activate/[object Object]',
  ])
  // Every token length from 0 to 60 but 43, for each kind.
  for (const kind of kinds) {
    for (let length = 0; length <= 60; length += length < 50 ? 3 : 1) {
      if (length !== 43) corpus.add(`mescertif://${kind}/${'a'.repeat(length)}`)
    }
  }
  // One forbidden character at a time, in the token.
  for (const char of [
    '+',
    '/',
    '=',
    '.',
    '~',
    '!',
    '*',
    "'",
    '(',
    ')',
    ';',
    ':',
    '@',
    '&',
    '$',
    ',',
    '"',
    '<',
    '>',
    '{',
    '}',
    '|',
    '^',
    '`',
    '[',
    ']',
    '%',
    '\\',
    ' ',
    '\u00a0',
    'é',
    'ß',
    '中',
    '😀',
  ]) {
    corpus.add(`mescertif://reset/${TOKEN.slice(0, 21)}${char}${TOKEN.slice(22)}`)
  }
  // Other schemes, same path.
  for (const scheme of [
    'http',
    'ws',
    'wss',
    'chrome',
    'about',
    'blob',
    'app',
    'electron',
    'mailto',
    'tel',
    'ms-settings',
    'smb',
    'ssh',
    'mescertifs',
    'mescertif-dev',
    'xmescertif',
  ]) {
    corpus.add(`${scheme}://activate/${TOKEN}`)
  }
  return [...corpus]
}

describe('mail links: the hostile corpus', () => {
  const corpus = hostileCorpus()

  it('holds at least 200 distinct links', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200)
  })

  it.each(corpus.map((link) => [JSON.stringify(link).slice(0, 90), link]))(
    'refuses %s',
    (_label, link) => {
      const parsed = parseMailLink(link, HOST)
      expect(parsed.ok).toBe(false)
      expect(!parsed.ok && parsed.reason).toMatch(/^[a-z_]+$/)
    },
  )

  it('refuses non-strings as empty', () => {
    for (const value of [undefined, null, 42, {}, [], new String(`mescertif://activate/${TOKEN}`)])
      expect(parseMailLink(value, HOST)).toEqual({ ok: false, reason: 'empty' })
  })

  it('takes a link padded up to the length limit, and refuses one character more', () => {
    const link = `mescertif://activate/${TOKEN}`
    expect(parseMailLink(link.padEnd(MAIL_LINK_MAX_LENGTH, ' '), HOST)).toEqual({
      ok: true,
      link: { kind: 'activate', token: TOKEN },
    })
    expect(parseMailLink(link.padEnd(MAIL_LINK_MAX_LENGTH + 1, ' '), HOST)).toEqual({
      ok: false,
      reason: 'too_long',
    })
  })

  it('names the scheme when there is none, and the path when the portal link has none', () => {
    expect(parseMailLink(`https${HOST}/kiosk/activate/${TOKEN}`, HOST)).toEqual({
      ok: false,
      reason: 'bad_scheme',
    })
    expect(parseMailLink('https:', HOST)).toEqual({ ok: false, reason: 'bad_scheme' })
    expect(parseMailLink(`https://${HOST}`, HOST)).toEqual({ ok: false, reason: 'bad_path' })
  })

  it('gives precise reasons', () => {
    expect(parseMailLink('', HOST)).toEqual({ ok: false, reason: 'empty' })
    expect(parseMailLink('x'.repeat(600), HOST)).toEqual({ ok: false, reason: 'too_long' })
    expect(parseMailLink(`mescertif://аctivate/${TOKEN}`, HOST)).toEqual({
      ok: false,
      reason: 'forbidden_character',
    })
    expect(parseMailLink(`mescertif://activate%2f${TOKEN}`, HOST)).toEqual({
      ok: false,
      reason: 'encoded_character',
    })
    expect(parseMailLink(`mescertif://activate/${TOKEN}?a=b`, HOST)).toEqual({
      ok: false,
      reason: 'query_or_fragment',
    })
    expect(parseMailLink(`javascript://activate/${TOKEN}`, HOST)).toEqual({
      ok: false,
      reason: 'bad_scheme',
    })
    expect(parseMailLink(`https://evil.example/kiosk/activate/${TOKEN}`, HOST)).toEqual({
      ok: false,
      reason: 'bad_host',
    })
    expect(parseMailLink(`https://${HOST}/activate/${TOKEN}`, HOST)).toEqual({
      ok: false,
      reason: 'bad_path',
    })
    expect(parseMailLink(`mescertif://login/${TOKEN}`, HOST)).toEqual({
      ok: false,
      reason: 'bad_kind',
    })
    expect(parseMailLink('mescertif://activate/abc', HOST)).toEqual({
      ok: false,
      reason: 'bad_token',
    })
  })
})
