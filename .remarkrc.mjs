// `npm run lint:docs` (part of `npm run lint`): remark-validate-links checks every relative link and
// `#anchor` in README.md and docs/*.md against the files and headings they name, offline (it never
// follows an http(s) link). `repository: false`: links are checked as files of this checkout, not
// as addresses on a Git host.
import remarkValidateLinks from 'remark-validate-links'

export default { plugins: [[remarkValidateLinks, { repository: false }]] }
