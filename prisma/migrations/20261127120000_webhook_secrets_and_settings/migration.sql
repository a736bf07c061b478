-- Webhook signing secrets kept by Callboard (rotatable, with a grace period) and a small key/value settings table.
CREATE TABLE "webhook_secrets" (
    "id" BIGSERIAL NOT NULL,
    "secret" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retired_at" TIMESTAMPTZ(3),
    "valid_until" TIMESTAMPTZ(3),

    CONSTRAINT "webhook_secrets_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "webhook_secrets_retired_check" CHECK (("retired_at" IS NULL) = ("valid_until" IS NULL))
);

-- At most one current (not retired) secret, so two instances starting at once cannot both create one.
CREATE UNIQUE INDEX "webhook_secrets_one_current_key" ON "webhook_secrets" ((true)) WHERE "retired_at" IS NULL;

CREATE TABLE "settings" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "settings_pkey" PRIMARY KEY ("key")
);
