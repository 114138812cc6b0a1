/**
 * The 2.0.3 messages the server works on, whatever version a register
 * speaks; `codec.ts` converts 2.0.2 bodies on the way in and out.
 */
export * from "./gen/kkm/v203/auth_pb.js";
export * from "./gen/kkm/v203/common_pb.js";
export * from "./gen/kkm/v203/message_pb.js";
export * from "./gen/kkm/v203/nomenclature_pb.js";
export * from "./gen/kkm/v203/report_pb.js";
export * from "./gen/kkm/v203/service_pb.js";
export * from "./gen/kkm/v203/ticket_pb.js";
