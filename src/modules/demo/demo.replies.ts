// What the SAV writes back: solution-oriented replies with a precise delay (never "dans les
// meilleurs délais"), in French and English. Placeholders as in demo.story.ts, plus
// {numero} (the case number), {echeance} (a promised date), {atelier} (where the work is
// done), {marque} (the brand) and {agent} (who signs).

export type ReplyMove =
  | 'ack'
  | 'askPhotos'
  | 'askProof'
  | 'askDetails'
  | 'socialPublic'
  | 'exchangeDone'
  | 'exchangeUpgrade'
  | 'partOrdered'
  | 'quoteSent'
  | 'repairDone'
  | 'refundDone'
  | 'carrierInquiry'
  | 'carrierResolved'
  | 'creditDone'
  | 'info'
  | 'disputeAck'
  | 'disputeResolved';

export const signFr = '\n\n{agent}\nService client {marque}';
export const signEn = '\n\n{agent}\n{marque} customer service';

export const replies: Record<ReplyMove, { fr: readonly string[]; en: readonly string[] }> = {
  ack: {
    fr: [
      'Bonjour {prenom},\n\nMerci pour votre message, et désolés pour ce désagrément. Votre demande est enregistrée sous le numéro {numero}. Nous revenons vers vous sous 48h ouvrées, au plus tard {echeance}, avec une solution.' + signFr,
      'Bonjour {prenom},\n\nNous avons bien reçu votre demande (dossier {numero}) et elle est entre les mains de notre équipe. Vous aurez une réponse au plus tard {echeance} ; vous pouvez suivre chaque étape depuis le lien de suivi reçu par e-mail.' + signFr,
      'Bonjour {prenom},\n\nMerci de nous avoir alertés. Nous vérifions d’abord votre achat, puis la solution possible avec le magasin. Vous aurez de nos nouvelles au plus tard {echeance} (dossier {numero}).' + signFr,
    ],
    en: [
      'Hello {prenom},\n\nThank you for your message, and sorry for the trouble. Your request is registered as {numero}. We will come back to you within 2 working days, by {echeance} at the latest.' + signEn,
    ],
  },
  askPhotos: {
    fr: [
      'Bonjour {prenom},\n\nPour avancer, pourriez-vous nous envoyer deux ou trois photos du produit (dont une de l’étiquette avec le numéro de série) ? Vous pouvez les ajouter directement depuis votre page de suivi. Dès réception, nous traitons votre dossier {numero} sous 48h ouvrées.' + signFr,
      'Bonjour {prenom},\n\nMerci pour votre message. Une photo de l’ensemble et une du défaut nous suffiront pour valider la prise en charge ; ajoutez-les depuis votre lien de suivi. Nous revenons vers vous sous 48h ouvrées après réception.' + signFr,
    ],
    en: [
      'Hello {prenom},\n\nCould you send us two or three photos of the product, including the label with the serial number? You can add them from your tracking page. We will handle case {numero} within 2 working days after that.' + signEn,
    ],
  },
  askProof: {
    fr: [
      'Bonjour {prenom},\n\nPas d’inquiétude si vous n’avez plus le ticket : indiquez-nous simplement l’adresse e-mail ou le numéro de carte fidélité utilisé lors de l’achat, nous retrouverons la facture. Nous reprenons votre dossier {numero} dès votre retour.' + signFr,
      'Bonjour {prenom},\n\nMerci pour ces précisions. Pour vérifier la garantie, il nous manque la date approximative d’achat ou le magasin concerné. Dès que nous l’avons, nous vous proposons une solution sous 48h ouvrées.' + signFr,
    ],
    en: [
      'Hello {prenom},\n\nNo worries if you no longer have the receipt: just tell us the e-mail address or loyalty card number used for the purchase and we will find the invoice. We will resume case {numero} as soon as we hear from you.' + signEn,
    ],
  },
  askDetails: {
    fr: [
      'Bonjour {prenom},\n\nPour vous répondre précisément, pouvez-vous nous indiquer la référence exacte (elle figure sur l’étiquette ou sur la facture) et, si possible, une photo de l’écran ou de la notice concernée ? Nous vous répondons sous 48h ouvrées ensuite.' + signFr,
    ],
    en: ['Hello {prenom},\n\nTo give you a precise answer, could you tell us the exact model reference (on the label or the invoice)? We will answer within 2 working days after that.' + signEn],
  },
  socialPublic: {
    fr: [
      'Bonjour {prenom}, désolés pour cette mésaventure ! Pourriez-vous nous envoyer vos coordonnées (téléphone et e-mail) en message privé ? Nous revenons vers vous très vite. L’équipe {marque}',
      'Bonjour {prenom}, merci de nous avoir signalé ce problème, nous ouvrons un dossier tout de suite. Écrivez-nous en message privé pour la suite : vos informations n’ont rien à faire en public. {agent}',
      'Bonjour {prenom}, nous sommes navrés de lire cela. Un conseiller va s’en occuper personnellement : envoyez-nous vos coordonnées en privé, nous vous rappelons dès demain. {agent}',
    ],
    en: ['Hi {prenom}, sorry to hear that! Could you send us your phone number and e-mail in a private message? We will get back to you quickly. {agent}'],
  },
  exchangeDone: {
    fr: [
      'Bonjour {prenom},\n\nBonne nouvelle : nous procédons à l’échange {du_produit}. Un produit neuf vous attend {atelier} ; présentez simplement votre numéro de dossier, {numero}.' + signFr,
      'Bonjour {prenom},\n\nL’échange {du_produit} est validé. Un nouvel exemplaire part aujourd’hui avec livraison express offerte et le transporteur reprendra l’ancien au même passage. Merci de votre patience.' + signFr,
      'Bonjour {prenom},\n\nNous avons accepté l’échange : vous pouvez passer {atelier} à partir de demain avec l’ancien produit, le remplacement sera fait sur place. Merci de nous avoir alertés, cela nous aide à améliorer ce modèle.' + signFr,
    ],
    en: ['Hello {prenom},\n\nGood news: we are exchanging {le_produit}. A new one is waiting for you {atelier}; just quote case {numero}. Thank you for your patience.' + signEn],
  },
  exchangeUpgrade: {
    fr: [
      'Bonjour {prenom},\n\nC’est la deuxième fois que ce modèle vous fait défaut, et nous en sommes désolés. Le magasin reprend {le_produit} et vous remet à la place le modèle supérieur, sans supplément ; il vous attend {atelier} (dossier {numero}).' + signFr,
      'Bonjour {prenom},\n\nPour ce deuxième incident, nous remplaçons {le_produit} par un modèle de gamme supérieure, livré chez vous sous 3 jours ouvrés à nos frais. Nous avons aussi signalé le défaut au fabricant.' + signFr,
    ],
    en: ['Hello {prenom},\n\nAs this is the second time, we are replacing {le_produit} with the higher-end model at no extra cost; it is waiting for you {atelier} (case {numero}).' + signEn],
  },
  partOrdered: {
    fr: [
      'Bonjour {prenom},\n\nLe diagnostic confirme la panne. La pièce nécessaire est commandée chez le fabricant ; le délai annoncé nous permet de prévoir la réparation au plus tard {echeance}. Nous vous prévenons dès réception.' + signFr,
      'Bonjour {prenom},\n\nNotre atelier a identifié l’origine du problème. Nous attendons la pièce du fournisseur : réparation prévue au plus tard {echeance}. Vous pouvez suivre l’avancement étape par étape depuis votre lien de suivi.' + signFr,
    ],
    en: ['Hello {prenom},\n\nThe diagnosis confirms the fault. The part is on order from the manufacturer; the repair is planned by {echeance} at the latest. We will let you know as soon as it arrives.' + signEn],
  },
  quoteSent: {
    fr: [
      'Bonjour {prenom},\n\nLe diagnostic est fait. Le devis de la réparation ({montant}) est disponible sur votre page de suivi : l’intervention démarre dès votre accord, et rien ne sera ajouté sans votre validation écrite.' + signFr,
      'Bonjour {prenom},\n\nNotre atelier a établi le devis : {montant}, pièces et main-d’œuvre, détaillé ligne par ligne sur votre page de suivi. Dites-nous simplement si vous l’acceptez.' + signFr,
    ],
    en: ['Hello {prenom},\n\nThe diagnosis is done. The repair quote ({montant}) is on your tracking page, line by line; the work starts as soon as you approve it, and nothing will be added without your written consent.' + signEn],
  },
  repairDone: {
    fr: [
      'Bonjour {prenom},\n\n{Le_produit} est réparé et testé. Vous pouvez le récupérer {atelier} aux heures d’ouverture. La réparation est garantie 6 mois. Merci encore pour votre patience.' + signFr,
      'Bonjour {prenom},\n\nBonne nouvelle, la réparation est terminée et prise en charge au titre de la garantie : vous n’avez rien à régler. Le retrait se fait {atelier}. N’hésitez pas à nous dire si tout fonctionne bien.' + signFr,
    ],
    en: ['Hello {prenom},\n\n{Le_produit} has been repaired and tested. You can collect it {atelier}. The repair is covered by the warranty, nothing to pay.' + signEn],
  },
  refundDone: {
    fr: [
      'Bonjour {prenom},\n\nLe remboursement de {montant} a été effectué aujourd’hui sur votre moyen de paiement. Selon votre banque, il apparaîtra sous 3 à 5 jours ouvrés. Merci de votre confiance.' + signFr,
      'Bonjour {prenom},\n\nNous avons bien reçu le retour. Le remboursement de {montant} est parti ce jour. Nous restons à votre disposition si besoin.' + signFr,
    ],
    en: ['Hello {prenom},\n\nThe refund of {montant} was issued today to your payment method. It will show within 3 to 5 working days depending on your bank.' + signEn],
  },
  carrierInquiry: {
    fr: [
      'Bonjour {prenom},\n\nNous avons ouvert une enquête auprès du transporteur pour la commande {commande}. Il a 48h ouvrées pour nous répondre ; quoi qu’il arrive, nous revenons vers vous au plus tard {echeance} avec une solution (renvoi ou remboursement).' + signFr,
      'Bonjour {prenom},\n\nNous nous occupons de votre colis avec le transporteur. Nous revenons vers vous au plus tard {echeance}. Vous n’avez rien à faire d’ici là.' + signFr,
    ],
    en: ['Hello {prenom},\n\nWe have opened an inquiry with the carrier for order {commande}. We will get back to you by {echeance} at the latest with a solution (new shipment or refund).' + signEn],
  },
  carrierResolved: {
    fr: [
      'Bonjour {prenom},\n\nNous avons repris la main avec le transporteur : votre commande {commande} vous est livrée en express à nos frais, sur un créneau confirmé ; vous recevez le lien de suivi dans la journée. Nous vous offrons aussi la livraison de votre prochaine commande pour ce contretemps.' + signFr,
      'Bonjour {prenom},\n\nLe transporteur ne nous a pas donné de réponse satisfaisante : nous n’attendons pas davantage et vous renvoyons la commande {commande} aujourd’hui en express, à nos frais.' + signFr,
    ],
    en: ['Hello {prenom},\n\nThe carrier did not give us a satisfactory answer, so we are not waiting any longer: your order {commande} is sent again today by express delivery, at our cost.' + signEn],
  },
  creditDone: {
    fr: [
      'Bonjour {prenom},\n\nVous avez raison, et nous vous prions de nous excuser pour cette erreur. Un avoir de {montant} a été émis et la facture corrigée est disponible dans votre espace client.' + signFr,
      'Bonjour {prenom},\n\nAprès vérification, le montant de {montant} vous a bien été facturé à tort. Il vous est remboursé ce jour ; vous trouverez la facture rectifiée sur votre page de suivi.' + signFr,
    ],
    en: ['Hello {prenom},\n\nYou are right, and we apologise for the mistake. A credit note of {montant} has been issued and the corrected invoice is in your customer account.' + signEn],
  },
  info: {
    fr: ['Bonjour {prenom},\n\nMerci pour votre message. Nous avons vérifié : c’est réglé de notre côté, et nous avons transmis votre remarque à l’équipe concernée. N’hésitez pas à nous recontacter si besoin.' + signFr],
    en: ['Hello {prenom},\n\nThank you for your message. We have checked and it is now sorted on our side; we also passed your remark on to the team concerned.' + signEn],
  },
  disputeAck: {
    fr: [
      'Bonjour {prenom},\n\nNous accusons réception de votre courrier. Votre dossier {numero} est repris par notre service Litiges, qui a accès à l’ensemble de vos échanges. Vous recevrez une réponse argumentée au plus tard {echeance}.' + signFr,
      'Bonjour {prenom},\n\nVotre réclamation est prise très au sérieux. Un responsable examine personnellement le dossier {numero} avec {partenaire} et reviendra vers vous au plus tard {echeance}.' + signFr,
    ],
    en: ['Hello {prenom},\n\nWe acknowledge your letter. Case {numero} is now handled by our disputes team, who can see all your previous exchanges. You will receive a reasoned answer by {echeance} at the latest.' + signEn],
  },
  disputeResolved: {
    fr: [
      'Bonjour {prenom},\n\nAprès examen complet de votre dossier, nous reconnaissons que la réponse initiale n’était pas conforme à nos règles. Nous procédons au remboursement intégral de {montant}. Nous vous présentons nos excuses pour le temps perdu.' + signFr,
      'Bonjour {prenom},\n\nNous avons réexaminé le dossier avec {partenaire} : vous avez raison sur toute la ligne. Un remboursement de {montant} est effectué ce jour, et nous avons rappelé les règles à l’équipe concernée. Merci de nous avoir permis de le corriger.' + signFr,
    ],
    en: ['Hello {prenom},\n\nHaving reviewed your case in full, we acknowledge that the first answer did not follow our rules. We are refunding {montant} in full, with our apologies for the time lost.' + signEn],
  },
};

/** Internal notes: what agents tell each other, never shown to the customer (French only). */
export const notes = {
  loyal: ['Client fidèle (carte Privilège, plusieurs achats cette année) : geste commercial possible.', 'Bon client, premier incident : excuses et suivi renforcé suffisent.'],
  repeat: ['Deuxième panne sur ce modèle pour ce client : à remonter au comité SAV/produit.', 'Troisième réclamation ce mois-ci sur cette référence, même symptôme. Signalé à l’équipe produit.'],
  part: ['Pièce commandée chez le fournisseur, délai annoncé 8 jours ouvrés.', 'Fournisseur relancé : la pièce part de leur entrepôt demain.', 'Atelier : diagnostic fait, carte électronique à remplacer.'],
  carrier: ['Transporteur relancé par téléphone : enquête ouverte, réponse promise sous 48h.', 'Pas de réponse du transporteur dans le délai : on renvoie sans attendre.', 'Entrepôt : renvoi préparé en express, créneau confirmé avec le client.'],
  dealer: ['Concession appelée : le chef d’atelier reconnaît l’erreur, avoir en préparation.', 'Réseau : troisième plainte de surfacturation sur cette concession ce trimestre, à mettre au comité réseau.'],
  dispute: ['Refus initial contraire à la politique (garantie légale de conformité) : remboursement validé.', 'Trop d’allers-retours sur ce dossier : reprise en main par le service Litiges, un seul interlocuteur désormais.', 'Avis du service juridique : aucune raison de maintenir le refus.'],
  gesture: ['Geste commercial validé : bon d’achat de 20 €.', 'Livraison express offerte sur la prochaine commande, validé par la responsable.', 'Échange contre le modèle supérieur validé par le directeur du magasin.'],
  called: ['Client rappelé : il envoie les photos ce soir.', 'Appel entrant de la cliente : elle confirme l’adresse de livraison.', 'Cliente jointe par téléphone, elle passe au magasin samedi.'],
  social: ['Publication publique sur les réseaux, réponse faite dans l’heure ; suite en message privé.', 'Le client a retweeté notre réponse, ton apaisé. Suivi à faire par le magasin.'],
} as const;

export type NoteKind = keyof typeof notes;
