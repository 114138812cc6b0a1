/**
 * The portal API under /api: the session middleware, then the taxpayer,
 * registration, user and operator routers.
 */
import { sessionMiddleware } from "../../middleware/session";
import { createRouter } from "../../openapi";
import { exports, kkms, receipts } from "../kkms";
import { operatorLottery } from "../lottery/operator";
import { auth } from "./auth";
import { me } from "./me";
import { operator } from "./operator";
import { operatorApplications } from "./operator-applications";
import { operatorOked } from "./operator-oked";
import { organisation } from "./organisation";
import { classifiers, devMail } from "./public";
import { registration } from "./registration";
import { groups } from "./groups";
import { invitations, users } from "./users";

export const portal = createRouter();

// Mounted at /api, this also covers routers mounted after it, so every
// state-changing /api request with a session has its CSRF header checked.
portal.use("*", sessionMiddleware());

portal.route("/auth", auth);
portal.route("/registration", registration);
portal.route("/classifiers", classifiers);
portal.route("/organisation", organisation);
portal.route("/me", me);
portal.route("/users", users);
portal.route("/invitations", invitations);
portal.route("/groups", groups);
portal.route("/operator", operator);
portal.route("/operator", operatorApplications);
portal.route("/operator", operatorOked);
portal.route("/operator/lottery", operatorLottery);
portal.route("/dev/mail", devMail);
portal.route("/kkms", kkms);
portal.route("/receipts", receipts);
portal.route("/exports", exports);
