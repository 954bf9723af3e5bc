import type { Role } from "@sainam/core";
import type { Catalogue } from "../i18n/th";

type Nav = Catalogue["nav"];
/** A catalogue key of the navigation's words. */
export type NavKey = `nav.${Exclude<keyof Nav, "groups" | `${string}_other`>}` | `nav.groups.${keyof Nav["groups"]}`;

/** A link of the main navigation: where it goes, its catalogue key, and whether only that exact path is "current". */
export interface NavLinkItem {
  readonly to: string;
  readonly key: NavKey;
  readonly end: boolean;
}

/** A menu of links under one button (the market's pages, an admin's tools). */
export interface NavGroup {
  readonly key: NavKey;
  readonly links: readonly NavLinkItem[];
}

export type NavEntry = NavLinkItem | NavGroup;

export function isNavGroup(entry: NavEntry): entry is NavGroup {
  return "links" in entry;
}

const link = (to: string, key: NavKey, end = false): NavLinkItem => ({ to, key, end });

/**
 * The main navigation for a visitor (null) or a signed-in role: each link only for those its page serves (the
 * server's policies decide what the page then holds), grouped into a few menus so that an admin's fits one row at
 * 1280 px in Thai. Members and experts reach their own work first; "my deals" and "my meetings" are a member
 * firm's, while staff follow the deals of the events and programmes they keep.
 */
export function navEntries(role: Role | null): NavEntry[] {
  const signedIn = role !== null;
  const staff = role === "admin" || role === "agency_officer" || role === "cluster_coordinator";
  const only = <T>(condition: boolean, item: T): T[] => (condition ? [item] : []);
  const groups: NavGroup[] = [
    {
      key: "nav.groups.registry",
      links: [
        link("/clusters", "nav.clusters"),
        link("/enterprises", "nav.enterprises"),
        link("/map", "nav.map"),
        link("/provincial-clusters", "nav.provincialClusters"),
        link("/provinces", "nav.provinces"),
        link("/agencies", "nav.agencies"),
      ],
    },
    {
      key: "nav.groups.plans",
      links: [
        link("/plans", "nav.plans"),
        link("/dashboard", "nav.dashboard"),
        link("/programmes", "nav.programmes"),
        ...only(staff, link("/values", "nav.values")),
      ],
    },
    {
      key: "nav.groups.services",
      links: [
        // Requests for help: each signed-in user sees their own scope (a firm its own, an expert those assigned).
        ...only(signedIn, link("/requests", "nav.requests")),
        ...only(staff, link("/service-providers", "nav.providers")),
        link("/services/figures", "nav.serviceFigures"),
      ],
    },
    {
      key: "nav.groups.market",
      links: [
        link("/catalogue", "nav.catalogue"),
        // Trade events: visitors see the published ones, signed-in users theirs too.
        link("/events", "nav.events"),
        ...only(role === "member", link("/my-meetings", "nav.myMeetings")),
        ...only(role === "member", link("/deals", "nav.deals")),
        ...only(staff, link("/deals", "nav.dealsFollowed")),
        link("/market/figures", "nav.marketFigures"),
      ],
    },
    ...only<NavGroup>(staff, {
      key: "nav.groups.data",
      links: [link("/import", "nav.import", true), link("/import/history", "nav.importHistory")],
    }),
    ...only<NavGroup>(role === "admin", {
      key: "nav.admin",
      links: [
        link("/admin/users", "nav.users"),
        link("/admin/audit", "nav.audit"),
        link("/admin/holidays", "nav.holidays"),
        link("/admin/mail", "nav.failedMail"),
      ],
    }),
  ];
  return [
    link("/", "nav.home", true),
    ...only(role === "member", link("/my-business", "nav.myBusiness")),
    ...only(role === "expert", link("/my-work", "nav.myWork")),
    ...groups,
  ];
}
