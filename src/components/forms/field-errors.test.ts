import { describe, expect, it } from "vitest";

import { errorFor, fieldIds, firstInvalid, formMessage, withoutError } from "./field-errors";

const errors = { outcome: ["Write down what happened", "Too short"], "followUp.next.dueAt": ["Choose when it is due"] };

describe("errorFor / withoutError", () => {
  it("looks a field up by its dotted path and shows the first message", () => {
    expect(errorFor(errors, "outcome")).toBe("Write down what happened");
    expect(errorFor(errors, "followUp.next.dueAt")).toBe("Choose when it is due");
    expect(errorFor(errors, "dueAt")).toBeUndefined();
  });

  it("clears one field, and returns the same object when there was nothing to clear", () => {
    expect(withoutError(errors, "outcome")).toEqual({ "followUp.next.dueAt": ["Choose when it is due"] });
    expect(withoutError(errors, "details")).toBe(errors);
  });
});

describe("firstInvalid", () => {
  it("picks the first invalid control in the form's order, not the errors' order", () => {
    const controls = [["outcome"], ["followUp.then"], ["followUp.next.type"], ["followUp.next.dueAt"], ["followUp.next.details"]];
    expect(firstInvalid(controls, { "followUp.next.details": ["Say what"], "followUp.next.dueAt": ["Due?"] })).toBe(3);
  });

  it("matches a composite control by its data-field when its name does not match", () => {
    expect(firstInvalid([["title"], ["picker-button", "followUp.next.dueAt"]], { "followUp.next.dueAt": ["Due?"] })).toBe(1);
  });

  it("is -1 when no control has an error", () => {
    expect(firstInvalid([["title"]], { "patch.title": ["Give the deal a title"] })).toBe(-1);
    expect(firstInvalid([["title"]], { title: [] })).toBe(-1);
  });
});

describe("formMessage", () => {
  const rendered = new Set(["outcome", "followUp.next.details"]);

  it("is null when every error sits on a rendered field", () => {
    expect(formMessage({ message: "Please correct the highlighted fields.", fieldErrors: { outcome: ["Write"] } }, rendered)).toBeNull();
  });

  it("shows the messages no field can show, once each", () => {
    const failure = {
      message: "Please correct the highlighted fields.",
      fieldErrors: { followUp: ["Plan it"], actionId: ["Plan it"], outcome: ["Write"] },
    };
    expect(formMessage(failure, rendered)).toBe("Plan it");
  });

  it("falls back to the refusal's message when it names no field", () => {
    expect(formMessage({ message: "Someone else changed this." }, rendered)).toBe("Someone else changed this.");
  });
});

describe("fieldIds", () => {
  it("derives the control's and its error's ids from the form's id and the path", () => {
    expect(fieldIds("f1", "nextAction.dueAt")).toEqual({ id: "f1-nextAction.dueAt", errorId: "f1-nextAction.dueAt-error" });
  });
});
