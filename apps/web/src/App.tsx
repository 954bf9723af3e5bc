import { createBrowserRouter, RouterProvider, type RouteObject } from "react-router-dom";
import { Layout } from "./components/Layout";
import { HomePage } from "./pages/HomePage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { wholeCatalogue } from "./i18n";

/** A lazily loaded page also waits for the rest of the wording (the first screen needs only its shell). */
function withWholeCatalogue(routes: RouteObject[]): RouteObject[] {
  return routes.map((route) => {
    const load = route.lazy;
    const lazy =
      typeof load === "function" ? { lazy: async () => (await Promise.all([load(), wholeCatalogue()]))[0] } : {};
    const children = route.children ? { children: withWholeCatalogue(route.children) } : {};
    return { ...route, ...children, ...lazy } as RouteObject;
  });
}

// Pages other than the home page load on first visit, so the map's d3 and the admin screens do not weigh
// on everyone's first page.
export const router = createBrowserRouter(
  withWholeCatalogue([
    {
      element: <Layout />,
      hydrateFallbackElement: <StartupFallback />,
      children: [
        { path: "/", element: <HomePage /> },
        { path: "/login", lazy: async () => ({ Component: (await import("./pages/LoginPage")).LoginPage }) },
        { path: "/map", lazy: async () => ({ Component: (await import("./pages/MapPage")).MapPage }) },
        {
          path: "/provincial-clusters",
          lazy: async () => ({ Component: (await import("./pages/ProvincialClustersPage")).ProvincialClustersPage }),
        },
        {
          path: "/provincial-clusters/:id",
          lazy: async () => ({ Component: (await import("./pages/ProvincialClusterPage")).ProvincialClusterPage }),
        },
        {
          path: "/provinces",
          lazy: async () => ({ Component: (await import("./pages/ProvincesPage")).ProvincesPage }),
        },
        {
          path: "/provinces/:code",
          lazy: async () => ({ Component: (await import("./pages/ProvincePage")).ProvincePage }),
        },
        { path: "/clusters", lazy: async () => ({ Component: (await import("./pages/ClustersPage")).ClustersPage }) },
        {
          path: "/clusters/new",
          lazy: async () => ({ Component: (await import("./pages/NewClusterPage")).NewClusterPage }),
        },
        { path: "/clusters/:id", lazy: async () => ({ Component: (await import("./pages/ClusterPage")).ClusterPage }) },
        {
          path: "/enterprises",
          lazy: async () => ({ Component: (await import("./pages/EnterprisesPage")).EnterprisesPage }),
        },
        {
          path: "/enterprises/new",
          lazy: async () => ({ Component: (await import("./pages/NewEnterprisePage")).NewEnterprisePage }),
        },
        {
          path: "/enterprises/:id",
          lazy: async () => ({ Component: (await import("./pages/EnterprisePage")).EnterprisePage }),
        },
        {
          path: "/my-business",
          lazy: async () => ({ Component: (await import("./pages/MyBusinessPage")).MyBusinessPage }),
        },
        {
          path: "/events/:id/schedule",
          lazy: async () => ({ Component: (await import("./pages/EventSchedulePage")).EventSchedulePage }),
        },
        { path: "/my-work", lazy: async () => ({ Component: (await import("./pages/MyWorkPage")).MyWorkPage }) },
        {
          path: "/catalogue",
          lazy: async () => ({ Component: (await import("./pages/CataloguePage")).CataloguePage }),
        },
        {
          path: "/catalogue/:id",
          lazy: async () => ({ Component: (await import("./pages/CatalogueProductPage")).CatalogueProductPage }),
        },
        {
          path: "/enterprises/:id/products",
          lazy: async () => ({ Component: (await import("./pages/FirmProductsPage")).FirmProductsPage }),
        },
        {
          path: "/enterprises/:id/inquiries",
          lazy: async () => ({ Component: (await import("./pages/FirmInquiriesPage")).FirmInquiriesPage }),
        },
        { path: "/search", lazy: async () => ({ Component: (await import("./pages/SearchPage")).SearchPage }) },
        { path: "/import", lazy: async () => ({ Component: (await import("./pages/ImportPage")).ImportPage }) },
        {
          path: "/import/history",
          lazy: async () => ({ Component: (await import("./pages/ImportHistoryPage")).ImportHistoryPage }),
        },
        { path: "/agencies", lazy: async () => ({ Component: (await import("./pages/AgenciesPage")).AgenciesPage }) },
        {
          path: "/service-providers",
          lazy: async () => ({ Component: (await import("./pages/ProvidersPage")).ProvidersPage }),
        },
        { path: "/requests", lazy: async () => ({ Component: (await import("./pages/RequestsPage")).RequestsPage }) },
        {
          path: "/requests/new",
          lazy: async () => ({ Component: (await import("./pages/NewRequestPage")).NewRequestPage }),
        },
        { path: "/requests/:id", lazy: async () => ({ Component: (await import("./pages/RequestPage")).RequestPage }) },
        {
          path: "/service-providers/:id",
          lazy: async () => ({ Component: (await import("./pages/ProviderPage")).ProviderPage }),
        },
        { path: "/plans", lazy: async () => ({ Component: (await import("./pages/PlansPage")).PlansPage }) },
        { path: "/plans/:id", lazy: async () => ({ Component: (await import("./pages/PlanPage")).PlanPage }) },
        {
          path: "/dashboard",
          lazy: async () => ({ Component: (await import("./pages/DashboardPage")).DashboardPage }),
        },
        {
          path: "/indicators/:id",
          lazy: async () => ({ Component: (await import("./pages/IndicatorPage")).IndicatorPage }),
        },
        {
          path: "/programmes",
          lazy: async () => ({ Component: (await import("./pages/ProgrammesPage")).ProgrammesPage }),
        },
        {
          path: "/programmes/:id",
          lazy: async () => ({ Component: (await import("./pages/ProgrammePage")).ProgrammePage }),
        },
        {
          path: "/services/figures",
          lazy: async () => ({ Component: (await import("./pages/ServiceFiguresPage")).ServiceFiguresPage }),
        },
        { path: "/deals", lazy: async () => ({ Component: (await import("./pages/DealsPage")).DealsPage }) },
        { path: "/deals/:id", lazy: async () => ({ Component: (await import("./pages/DealPage")).DealPage }) },
        {
          path: "/events/:id/deals",
          lazy: async () => ({ Component: (await import("./pages/EventDealsPage")).EventDealsPage }),
        },
        {
          path: "/market/figures",
          lazy: async () => ({ Component: (await import("./pages/MarketFiguresPage")).MarketFiguresPage }),
        },
        { path: "/figures", lazy: async () => ({ Component: (await import("./pages/FiguresPage")).FiguresPage }) },
        { path: "/values", lazy: async () => ({ Component: (await import("./pages/ValueEntryPage")).ValueEntryPage }) },
        {
          path: "/values/queue",
          lazy: async () => ({ Component: (await import("./pages/ApprovalQueuePage")).ApprovalQueuePage }),
        },
        {
          path: "/values/import",
          lazy: async () => ({ Component: (await import("./pages/ValuesImportPage")).ValuesImportPage }),
        },
        { path: "/events", lazy: async () => ({ Component: (await import("./pages/EventsPage")).EventsPage }) },
        { path: "/events/new", lazy: async () => ({ Component: (await import("./pages/NewEventPage")).NewEventPage }) },
        { path: "/events/:id", lazy: async () => ({ Component: (await import("./pages/EventPage")).EventPage }) },
        {
          path: "/events/:id/edit",
          lazy: async () => ({ Component: (await import("./pages/EditEventPage")).EditEventPage }),
        },
        {
          path: "/events/:id/meetings",
          lazy: async () => ({ Component: (await import("./pages/EventMeetingsPage")).EventMeetingsPage }),
        },
        {
          path: "/my-meetings",
          lazy: async () => ({ Component: (await import("./pages/MyMeetingsPage")).MyMeetingsPage }),
        },
        { path: "/inbox", lazy: async () => ({ Component: (await import("./pages/InboxPage")).InboxPage }) },
        {
          path: "/account/password",
          lazy: async () => ({ Component: (await import("./pages/ChangePasswordPage")).ChangePasswordPage }),
        },
        { path: "/admin/users", lazy: async () => ({ Component: (await import("./pages/UsersPage")).UsersPage }) },
        { path: "/admin/audit", lazy: async () => ({ Component: (await import("./pages/AuditPage")).AuditPage }) },
        {
          path: "/admin/mail",
          lazy: async () => ({ Component: (await import("./pages/FailedMailPage")).FailedMailPage }),
        },
        {
          path: "/admin/holidays",
          lazy: async () => ({ Component: (await import("./pages/HolidaysPage")).HolidaysPage }),
        },
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ]),
);

/** Shown for the moment a lazily loaded first page takes to arrive. */
function StartupFallback() {
  return <div className="startup" aria-busy="true" />;
}

export function App() {
  return <RouterProvider router={router} />;
}
