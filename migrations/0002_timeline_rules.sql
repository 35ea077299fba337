-- The timeline and the audit log are append-only: the database refuses UPDATE and DELETE
-- unless the transaction declares a redaction (GDPR erasure) with
-- SET LOCAL comptoir.allow_redaction = 'on'.
CREATE OR REPLACE FUNCTION comptoir_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('comptoir.allow_redaction', true), '') = 'on' THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'CP001';
END
$$;
--> statement-breakpoint
CREATE TRIGGER case_event_append_only BEFORE UPDATE OR DELETE ON case_event
  FOR EACH ROW EXECUTE FUNCTION comptoir_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION comptoir_append_only();
--> statement-breakpoint
-- The contact reasons and SAV steps every retailer starts with; admins edit them later.
INSERT INTO contact_reason (id, key, label_fr, label_en, position) VALUES
  (gen_random_uuid(), 'return',    'Retour produit',         'Product return',   10),
  (gen_random_uuid(), 'delivery',  'Problème de livraison',  'Delivery problem', 20),
  (gen_random_uuid(), 'breakdown', 'Panne',                  'Breakdown',        30),
  (gen_random_uuid(), 'usage',     'Question d''utilisation', 'Usage question',  40),
  (gen_random_uuid(), 'billing',   'Facturation',            'Billing',          50),
  (gen_random_uuid(), 'other',     'Autre',                  'Other',            60);
--> statement-breakpoint
INSERT INTO case_step (id, key, label_fr, label_en, position, final) VALUES
  (gen_random_uuid(), 'intake',        'Prise en charge',       'Taken in charge',    10, false),
  (gen_random_uuid(), 'diagnosis',     'Diagnostic',            'Diagnosis',          20, false),
  (gen_random_uuid(), 'quote_pending', 'Devis à valider',       'Quote to approve',   25, false),
  (gen_random_uuid(), 'awaiting_part', 'En attente de pièce',   'Waiting for a part', 30, false),
  (gen_random_uuid(), 'repair',        'Réparation',            'Repair',             40, false),
  (gen_random_uuid(), 'exchange',      'Échange',               'Exchange',           50, false),
  (gen_random_uuid(), 'credit_note',   'Avoir',                 'Credit note',        60, false),
  (gen_random_uuid(), 'refund',        'Remboursement',         'Refund',             70, false),
  (gen_random_uuid(), 'returned',      'Restitution',           'Handed back',        75, false),
  (gen_random_uuid(), 'closed',        'Clôturé',               'Closed',             80, true);
