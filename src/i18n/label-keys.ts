/**
 * Message keys for values chosen at run time (enums), spelled out whole so the key test can see
 * every one is used: `t(DELIVERY_METHOD_LABEL[method])` with a translator of no namespace.
 */
import type { AccessFormat, DeliveryMethod } from "@/domain/authorization-form";

export const DELIVERY_METHOD_LABEL = {
  SECURE_EMAIL: "labels.deliveryMethod.SECURE_EMAIL",
  MAIL: "labels.deliveryMethod.MAIL",
  PICKUP: "labels.deliveryMethod.PICKUP",
} as const satisfies Record<DeliveryMethod, string>;

export const DELIVERY_METHOD_EXPLANATION = {
  SECURE_EMAIL: "labels.deliveryExplanation.SECURE_EMAIL",
  MAIL: "labels.deliveryExplanation.MAIL",
  PICKUP: "labels.deliveryExplanation.PICKUP",
} as const satisfies Record<DeliveryMethod, string>;

export const ACCESS_FORMAT_LABEL = {
  PDF_DOWNLOAD: "labels.accessFormat.PDF_DOWNLOAD",
  EHI_EXPORT: "labels.accessFormat.EHI_EXPORT",
  PAPER_MAIL: "labels.accessFormat.PAPER_MAIL",
  PAPER_PICKUP: "labels.accessFormat.PAPER_PICKUP",
} as const satisfies Record<AccessFormat, string>;

export const ACCESS_FORMAT_EXPLANATION = {
  PDF_DOWNLOAD: "labels.accessFormatExplanation.PDF_DOWNLOAD",
  EHI_EXPORT: "labels.accessFormatExplanation.EHI_EXPORT",
  PAPER_MAIL: "labels.accessFormatExplanation.PAPER_MAIL",
  PAPER_PICKUP: "labels.accessFormatExplanation.PAPER_PICKUP",
} as const satisfies Record<AccessFormat, string>;
