import { useEffect } from "preact/hooks";
import {
  ErrorBoundary,
  LocationProvider,
  Route,
  Router,
  lazy,
} from "preact-iso";
import { Layout } from "./components/Layout";
import { loadSession } from "./models/session-model";
import { AuditPage } from "./pages/AuditPage";
import { EmailConfirmPage } from "./pages/EmailConfirmPage";
import { HelpPage } from "./pages/HelpPage";
import { HomePage } from "./pages/HomePage";
import { InvitationAcceptPage } from "./pages/InvitationAcceptPage";
import { KkmListPage } from "./pages/kkms/KkmListPage";
import { LoginPage } from "./pages/LoginPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { OrganisationPage } from "./pages/OrganisationPage";
import { PasswordResetConfirmPage } from "./pages/PasswordResetConfirmPage";
import { PasswordResetRequestPage } from "./pages/PasswordResetRequestPage";
import { ProfilePage } from "./pages/ProfilePage";
import { RegisterPage } from "./pages/RegisterPage";
import { ServicesPage } from "./pages/ServicesPage";
import { CheckPage } from "./pages/check/CheckPage";
import { OperatorLoginPage } from "./pages/operator/OperatorLoginPage";

// Pages few users open load on demand.
const UsersPage = lazy(() =>
  import("./pages/admin/UsersPage").then((module) => module.UsersPage),
);
const GroupsPage = lazy(() =>
  import("./pages/admin/GroupsPage").then((module) => module.GroupsPage),
);
const OrganisationsPage = lazy(() =>
  import("./pages/operator/OrganisationsPage").then(
    (module) => module.OrganisationsPage,
  ),
);
const ApplicationsPage = lazy(() =>
  import("./pages/operator/ApplicationsPage").then(
    (module) => module.ApplicationsPage,
  ),
);
const OperatorAuditPage = lazy(() =>
  import("./pages/operator/OperatorAuditPage").then(
    (module) => module.OperatorAuditPage,
  ),
);
const OkedPage = lazy(() =>
  import("./pages/operator/OkedPage").then((module) => module.OkedPage),
);
const OperatorDrawsPage = lazy(() =>
  import("./pages/operator/lottery/OperatorDrawsPage").then(
    (m) => m.OperatorDrawsPage,
  ),
);
const NewDrawPage = lazy(() =>
  import("./pages/operator/lottery/NewDrawPage").then((m) => m.NewDrawPage),
);
const OperatorDrawPage = lazy(() =>
  import("./pages/operator/lottery/OperatorDrawPage").then(
    (m) => m.OperatorDrawPage,
  ),
);
const KkmActivatePage = lazy(() =>
  import("./pages/kkms/KkmActivatePage").then((m) => m.KkmActivatePage),
);
const KkmReceiptsPage = lazy(() =>
  import("./pages/kkms/KkmReceiptsPage").then((m) => m.KkmReceiptsPage),
);
const KkmExportsPage = lazy(() =>
  import("./pages/kkms/KkmExportsPage").then((m) => m.KkmExportsPage),
);
const KkmViewPage = lazy(() =>
  import("./pages/kkms/KkmViewPage").then((m) => m.KkmViewPage),
);
const KkmDetailsPage = lazy(() =>
  import("./pages/kkms/KkmDetailsPage").then((m) => m.KkmDetailsPage),
);
const KkmReceiptPage = lazy(() =>
  import("./pages/kkms/KkmReceiptPage").then((m) => m.KkmReceiptPage),
);
const KkmZReportsPage = lazy(() =>
  import("./pages/kkms/KkmReportsPage").then((m) => m.KkmZReportsPage),
);
const KkmXReportsPage = lazy(() =>
  import("./pages/kkms/KkmReportsPage").then((m) => m.KkmXReportsPage),
);
const KkmReportPage = lazy(() =>
  import("./pages/kkms/KkmReportPage").then((m) => m.KkmReportPage),
);
const LotteryListPage = lazy(() =>
  import("./pages/lottery/LotteryListPage").then((m) => m.LotteryListPage),
);
const LotteryDrawPage = lazy(() =>
  import("./pages/lottery/DrawPage").then((m) => m.DrawPage),
);
const LotteryResultsPage = lazy(() =>
  import("./pages/lottery/ResultsPage").then((m) => m.ResultsPage),
);
const LotteryMyEntriesPage = lazy(() =>
  import("./pages/lottery/MyEntriesPage").then((m) => m.MyEntriesPage),
);
const DevMailPage = lazy(() =>
  import("./pages/DevMailPage").then((module) => module.DevMailPage),
);

/** The portal: session loading, the page frame and the routes. */
export function App() {
  useEffect(() => {
    void loadSession();
  }, []);

  return (
    <LocationProvider>
      <ErrorBoundary>
        <Layout>
          <Router>
            <Route path="/" component={HomePage} />
            <Route path="/login" component={LoginPage} />
            <Route path="/register" component={RegisterPage} />
            <Route
              path="/password-reset"
              component={PasswordResetRequestPage}
            />
            <Route
              path="/reset-password"
              component={PasswordResetConfirmPage}
            />
            <Route path="/confirm-email" component={EmailConfirmPage} />
            <Route path="/accept-invitation" component={InvitationAcceptPage} />
            <Route path="/kkms" component={KkmListPage} />
            <Route path="/kkms/new" component={KkmActivatePage} />
            <Route path="/kkms/receipts" component={KkmReceiptsPage} />
            <Route path="/kkms/exports" component={KkmExportsPage} />
            <Route path="/kkms/:id" component={KkmViewPage} />
            <Route path="/kkms/:id/details" component={KkmDetailsPage} />
            <Route
              path="/kkms/:id/receipts/:fiscalSign"
              component={KkmReceiptPage}
            />
            <Route path="/kkms/:id/reports/z" component={KkmZReportsPage} />
            <Route path="/kkms/:id/reports/x" component={KkmXReportsPage} />
            <Route
              path="/kkms/:id/report/:reportId"
              component={KkmReportPage}
            />
            <Route path="/services" component={ServicesPage} />
            <Route path="/help" component={HelpPage} />
            <Route path="/check" component={CheckPage} />
            <Route path="/lottery" component={LotteryListPage} />
            <Route
              path="/lottery/my-entries"
              component={LotteryMyEntriesPage}
            />
            <Route path="/lottery/:id" component={LotteryDrawPage} />
            <Route path="/lottery/:id/results" component={LotteryResultsPage} />
            <Route path="/organisation" component={OrganisationPage} />
            <Route path="/organisation/audit" component={AuditPage} />
            <Route path="/profile" component={ProfilePage} />
            <Route path="/admin/users" component={UsersPage} />
            <Route path="/admin/groups" component={GroupsPage} />
            <Route path="/operator/login" component={OperatorLoginPage} />
            <Route path="/operator" component={OrganisationsPage} />
            <Route path="/operator/applications" component={ApplicationsPage} />
            <Route path="/operator/audit" component={OperatorAuditPage} />
            <Route path="/operator/oked" component={OkedPage} />
            <Route path="/operator/lottery" component={OperatorDrawsPage} />
            <Route path="/operator/lottery/new" component={NewDrawPage} />
            <Route path="/operator/lottery/:id" component={OperatorDrawPage} />
            <Route path="/dev/mail" component={DevMailPage} />
            <Route default component={NotFoundPage} />
          </Router>
        </Layout>
      </ErrorBoundary>
    </LocationProvider>
  );
}
