/**
 * End-of-life dates of the releases behind popular official images, shipped as data.
 *
 * `updated` is when the table was last reviewed. Dates after it are the schedules the upstream
 * projects publish (they can move; review the table with every Bulkhead release). A release with
 * `eol: null` has no announced end yet and is never flagged; a release missing from the table
 * (newer than `updated`) is not flagged either. Each product cites where its dates come from;
 * endoflife.date aggregates the upstream policies and is the cross-check for every row.
 *
 * Date semantics: `eol` is the first day the release gets no more security fixes; a tag is an
 * end-of-life finding on that day and after (compared as UTC calendar dates).
 */
export interface EolRelease {
  /** Version prefix as tags write it (`20`, `3.12`, `22.04`). */
  cycle: string;
  /** Names tags use for the release (`focal`, `bookworm`, `iron`). */
  aliases?: string[];
  /** `YYYY-MM-DD`, or null when no end is announced. */
  eol: string | null;
  /** Set when the date is known only to the month (upstream states the month, not the day). */
  approximate?: true;
}

export interface EolProduct {
  /** Human name used in messages. */
  name: string;
  /** Official image names (Docker Hub `library/<name>`). */
  images: string[];
  /** Where the dates come from. */
  sources: string[];
  /** What "end of life" means for this product when it is not obvious. */
  note?: string;
  /** The whole image is deprecated: every tag is past its end of life from this date. */
  deprecated?: { date: string; replacement: string };
  releases: EolRelease[];
}

export const EOL_TABLE_UPDATED = '2025-10-01';

export const EOL_TABLE: readonly EolProduct[] = [
  {
    name: 'Ubuntu',
    images: ['ubuntu'],
    sources: ['https://ubuntu.com/about/release-cycle', 'https://endoflife.date/ubuntu'],
    note: 'End of standard support: container images get no Ubuntu Pro (ESM) updates.',
    releases: [
      { cycle: '14.04', aliases: ['trusty'], eol: '2019-04-30' },
      { cycle: '16.04', aliases: ['xenial'], eol: '2021-04-30' },
      { cycle: '18.04', aliases: ['bionic'], eol: '2023-05-31' },
      { cycle: '20.04', aliases: ['focal'], eol: '2025-05-31' },
      { cycle: '20.10', aliases: ['groovy'], eol: '2021-07-22' },
      { cycle: '21.04', aliases: ['hirsute'], eol: '2022-01-20' },
      { cycle: '21.10', aliases: ['impish'], eol: '2022-07-14' },
      { cycle: '22.04', aliases: ['jammy'], eol: '2027-06-01', approximate: true },
      { cycle: '22.10', aliases: ['kinetic'], eol: '2023-07-20' },
      { cycle: '23.04', aliases: ['lunar'], eol: '2024-01-25' },
      { cycle: '23.10', aliases: ['mantic'], eol: '2024-07-11' },
      { cycle: '24.04', aliases: ['noble'], eol: '2029-05-31', approximate: true },
      { cycle: '24.10', aliases: ['oracular'], eol: '2025-07-10' },
      { cycle: '25.04', aliases: ['plucky'], eol: '2026-01-15', approximate: true },
    ],
  },
  {
    name: 'Debian',
    images: ['debian'],
    sources: ['https://wiki.debian.org/LTS', 'https://www.debian.org/releases/', 'https://endoflife.date/debian'],
    note: 'End of Debian LTS (security support by the LTS team), the last date the archive gets fixes.',
    releases: [
      { cycle: '8', aliases: ['jessie'], eol: '2020-06-30' },
      { cycle: '9', aliases: ['stretch'], eol: '2022-06-30' },
      { cycle: '10', aliases: ['buster'], eol: '2024-06-30' },
      { cycle: '11', aliases: ['bullseye'], eol: '2026-08-31' },
      { cycle: '12', aliases: ['bookworm'], eol: '2028-06-30' },
      { cycle: '13', aliases: ['trixie'], eol: null },
    ],
  },
  {
    name: 'Alpine Linux',
    images: ['alpine'],
    sources: ['https://alpinelinux.org/releases/', 'https://endoflife.date/alpine-linux'],
    releases: [
      { cycle: '3.12', eol: '2022-05-01' },
      { cycle: '3.13', eol: '2022-11-01' },
      { cycle: '3.14', eol: '2023-05-01' },
      { cycle: '3.15', eol: '2023-11-01' },
      { cycle: '3.16', eol: '2024-05-23' },
      { cycle: '3.17', eol: '2024-11-22' },
      { cycle: '3.18', eol: '2025-05-09' },
      { cycle: '3.19', eol: '2025-11-01' },
      { cycle: '3.20', eol: '2026-04-01' },
      { cycle: '3.21', eol: '2026-11-01' },
      { cycle: '3.22', eol: '2027-05-01' },
    ],
  },
  {
    name: 'CentOS',
    images: ['centos'],
    sources: ['https://www.centos.org/centos-linux-eol/', 'https://endoflife.date/centos'],
    releases: [
      { cycle: '6', aliases: ['centos6'], eol: '2020-11-30' },
      { cycle: '7', aliases: ['centos7'], eol: '2024-06-30' },
      { cycle: '8', aliases: ['centos8'], eol: '2021-12-31' },
    ],
  },
  {
    name: 'Node.js',
    images: ['node'],
    sources: ['https://github.com/nodejs/Release#release-schedule', 'https://endoflife.date/nodejs'],
    releases: [
      { cycle: '8', aliases: ['carbon'], eol: '2019-12-31' },
      { cycle: '10', aliases: ['dubnium'], eol: '2021-04-30' },
      { cycle: '12', aliases: ['erbium'], eol: '2022-04-30' },
      { cycle: '13', eol: '2020-06-01' },
      { cycle: '14', aliases: ['fermium'], eol: '2023-04-30' },
      { cycle: '15', eol: '2021-06-01' },
      { cycle: '16', aliases: ['gallium'], eol: '2023-09-11' },
      { cycle: '17', eol: '2022-06-01' },
      { cycle: '18', aliases: ['hydrogen'], eol: '2025-04-30' },
      { cycle: '19', eol: '2023-06-01' },
      { cycle: '20', aliases: ['iron'], eol: '2026-04-30' },
      { cycle: '21', eol: '2024-06-01' },
      { cycle: '22', aliases: ['jod'], eol: '2027-04-30' },
      { cycle: '23', eol: '2025-06-01' },
      { cycle: '24', aliases: ['krypton'], eol: '2028-04-30' },
      { cycle: '25', eol: '2026-06-01' },
    ],
  },
  {
    name: 'Python',
    images: ['python'],
    sources: ['https://devguide.python.org/versions/', 'https://endoflife.date/python'],
    releases: [
      { cycle: '2.7', eol: '2020-01-01' },
      { cycle: '3.5', eol: '2020-09-13' },
      { cycle: '3.6', eol: '2021-12-23' },
      { cycle: '3.7', eol: '2023-06-27' },
      { cycle: '3.8', eol: '2024-10-07' },
      { cycle: '3.9', eol: '2025-10-31' },
      { cycle: '3.10', eol: '2026-10-31', approximate: true },
      { cycle: '3.11', eol: '2027-10-31', approximate: true },
      { cycle: '3.12', eol: '2028-10-31', approximate: true },
      { cycle: '3.13', eol: '2029-10-31', approximate: true },
      { cycle: '3.14', eol: '2030-10-31', approximate: true },
    ],
  },
  {
    name: 'Go',
    images: ['golang'],
    sources: ['https://go.dev/doc/devel/release#policy', 'https://endoflife.date/go'],
    note: 'Each major release is supported until there are two newer major releases (releases ship in February and August).',
    releases: [
      { cycle: '1.18', eol: '2023-02-01' },
      { cycle: '1.19', eol: '2023-08-08' },
      { cycle: '1.20', eol: '2024-02-06' },
      { cycle: '1.21', eol: '2024-08-13' },
      { cycle: '1.22', eol: '2025-02-11' },
      { cycle: '1.23', eol: '2025-08-12' },
      { cycle: '1.24', eol: '2026-02-10', approximate: true },
      { cycle: '1.25', eol: '2026-08-11', approximate: true },
    ],
  },
  {
    name: 'PHP',
    images: ['php'],
    sources: ['https://www.php.net/supported-versions.php', 'https://www.php.net/eol.php', 'https://endoflife.date/php'],
    releases: [
      { cycle: '5.6', eol: '2018-12-31' },
      { cycle: '7.0', eol: '2019-01-10' },
      { cycle: '7.1', eol: '2019-12-01' },
      { cycle: '7.2', eol: '2020-11-30' },
      { cycle: '7.3', eol: '2021-12-06' },
      { cycle: '7.4', eol: '2022-11-28' },
      { cycle: '8.0', eol: '2023-11-26' },
      { cycle: '8.1', eol: '2025-12-31' },
      { cycle: '8.2', eol: '2026-12-31' },
      { cycle: '8.3', eol: '2027-12-31' },
      { cycle: '8.4', eol: '2028-12-31' },
    ],
  },
  {
    name: 'Ruby',
    images: ['ruby'],
    sources: ['https://www.ruby-lang.org/en/downloads/branches/', 'https://endoflife.date/ruby'],
    releases: [
      { cycle: '2.5', eol: '2021-04-05' },
      { cycle: '2.6', eol: '2022-04-12' },
      { cycle: '2.7', eol: '2023-03-31' },
      { cycle: '3.0', eol: '2024-04-23' },
      { cycle: '3.1', eol: '2025-03-26' },
      { cycle: '3.2', eol: '2026-03-31', approximate: true },
      { cycle: '3.3', eol: '2027-03-31', approximate: true },
      { cycle: '3.4', eol: '2028-03-31', approximate: true },
    ],
  },
  {
    name: 'PostgreSQL',
    images: ['postgres'],
    sources: ['https://www.postgresql.org/support/versioning/', 'https://endoflife.date/postgresql'],
    releases: [
      { cycle: '9.5', eol: '2021-02-11' },
      { cycle: '9.6', eol: '2021-11-11' },
      { cycle: '10', eol: '2022-11-10' },
      { cycle: '11', eol: '2023-11-09' },
      { cycle: '12', eol: '2024-11-21' },
      { cycle: '13', eol: '2025-11-13' },
      { cycle: '14', eol: '2026-11-12' },
      { cycle: '15', eol: '2027-11-11' },
      { cycle: '16', eol: '2028-11-09' },
      { cycle: '17', eol: '2029-11-08' },
    ],
  },
  {
    name: 'MySQL',
    images: ['mysql'],
    sources: ['https://www.oracle.com/us/support/library/lifetime-support-technology-069183.pdf', 'https://endoflife.date/mysql'],
    releases: [
      { cycle: '5.5', eol: '2018-12-31' },
      { cycle: '5.6', eol: '2021-02-28' },
      { cycle: '5.7', eol: '2023-10-31' },
      { cycle: '8.0', eol: '2026-04-30' },
      { cycle: '8.4', eol: '2032-04-30' },
    ],
  },
  {
    name: 'MariaDB',
    images: ['mariadb'],
    sources: ['https://mariadb.org/about/#maintenance-policy', 'https://endoflife.date/mariadb'],
    releases: [
      { cycle: '10.2', eol: '2022-05-23' },
      { cycle: '10.3', eol: '2023-05-25' },
      { cycle: '10.4', eol: '2024-06-18' },
      { cycle: '10.5', eol: '2025-06-24' },
      { cycle: '10.6', eol: '2026-07-06' },
      { cycle: '10.7', eol: '2023-02-09' },
      { cycle: '10.8', eol: '2023-05-20' },
      { cycle: '10.9', eol: '2023-08-22' },
      { cycle: '10.10', eol: '2023-11-17' },
      { cycle: '10.11', eol: '2028-02-16' },
      { cycle: '11.0', eol: '2024-06-06' },
      { cycle: '11.1', eol: '2024-08-21' },
      { cycle: '11.2', eol: '2024-11-21' },
      { cycle: '11.3', eol: '2024-05-29' },
      { cycle: '11.4', eol: '2029-05-29' },
    ],
  },
  {
    name: 'Redis',
    images: ['redis'],
    sources: ['https://redis.io/docs/latest/operate/oss_and_stack/management/security/#supported-versions', 'https://endoflife.date/redis'],
    note: 'Redis supports the latest release, the previous minor and the previous major; a release ends when it leaves that window (dates are the releases that pushed it out).',
    releases: [
      { cycle: '5.0', eol: '2022-04-27' },
      { cycle: '6.0', eol: '2023-08-15' },
      { cycle: '6.2', eol: '2025-05-01', approximate: true },
      { cycle: '7.0', eol: '2025-05-01', approximate: true },
      { cycle: '7.2', eol: null },
      { cycle: '7.4', eol: null },
    ],
  },
  {
    name: 'nginx',
    images: ['nginx'],
    sources: ['https://nginx.org/en/download.html', 'https://endoflife.date/nginx'],
    note: 'Only the newest stable and mainline branches get fixes; a branch ends when the next stable branch is cut (each April).',
    releases: [
      { cycle: '1.18', eol: '2021-04-20' },
      { cycle: '1.19', eol: '2021-05-25' },
      { cycle: '1.20', eol: '2022-05-24' },
      { cycle: '1.21', eol: '2022-05-24' },
      { cycle: '1.22', eol: '2023-04-11' },
      { cycle: '1.23', eol: '2023-04-11' },
      { cycle: '1.24', eol: '2024-04-23' },
      { cycle: '1.25', eol: '2024-04-23' },
      { cycle: '1.26', eol: '2025-04-23' },
      { cycle: '1.27', eol: '2025-04-23' },
      { cycle: '1.28', eol: null },
      { cycle: '1.29', eol: null },
    ],
  },
  {
    name: 'Eclipse Temurin (OpenJDK)',
    images: ['eclipse-temurin'],
    sources: ['https://adoptium.net/support/', 'https://endoflife.date/eclipse-temurin'],
    note: 'Feature (non-LTS) releases end when the next release ships; LTS releases have announced minimum support dates.',
    releases: [
      { cycle: '8', eol: '2030-12-31', approximate: true },
      { cycle: '11', eol: '2027-10-31', approximate: true },
      { cycle: '16', eol: '2021-09-30', approximate: true },
      { cycle: '17', eol: '2027-10-31', approximate: true },
      { cycle: '18', eol: '2022-09-30', approximate: true },
      { cycle: '19', eol: '2023-03-31', approximate: true },
      { cycle: '20', eol: '2023-09-30', approximate: true },
      { cycle: '21', eol: '2029-12-31', approximate: true },
      { cycle: '22', eol: '2024-09-30', approximate: true },
      { cycle: '23', eol: '2025-03-31', approximate: true },
      { cycle: '24', eol: '2025-09-30', approximate: true },
    ],
  },
  {
    name: 'OpenJDK (official image)',
    images: ['openjdk'],
    sources: ['https://hub.docker.com/_/openjdk', 'https://github.com/docker-library/openjdk/issues/505'],
    note: 'The openjdk image is deprecated: its release builds stopped getting updates in July 2022.',
    deprecated: { date: '2022-07-31', replacement: 'eclipse-temurin' },
    releases: [],
  },
];

/** Distribution codenames that appear as tag variants (`python:3.12-slim-buster`, `node:20-alpine3.16`). */
export const VARIANT_PRODUCTS = ['Debian', 'Ubuntu', 'Alpine Linux'] as const;
