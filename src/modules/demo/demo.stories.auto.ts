// Automobiles Verdier and its dealers: over-billed repairs, vehicles stuck at the workshop,
// defective parts, warranty refusals, deliveries of new cars. Models are fictional.
import type { Story } from './demo.story.ts';

const cars = ['f:Verdier Azur 1.2 essence', 'f:Verdier Azur hybride', 'm:Verdier Causse SW diesel', 'm:Verdier Causse hybride rechargeable', 'f:Verdier Ondine électrique', 'm:utilitaire Verdier Cargo L2H2'];
const carsEn = ['Verdier Azur 1.2 petrol', 'Verdier Azur hybrid', 'Verdier Causse SW diesel', 'Verdier Causse plug-in hybrid', 'Verdier Ondine EV', 'Verdier Cargo L2H2 van'];
const combustion = ['f:Verdier Azur 1.2 essence', 'm:Verdier Causse SW diesel', 'm:utilitaire Verdier Cargo L2H2'];

export const autoStories: Story[] = [
  {
    key: 'overbilled-repair',
    brand: 'auto',
    reason: 'billing',
    weight: 5,
    bought: 'dealer',
    paths: { dispute: 1, credit: 3 },
    priority: 'high',
    products: cars,
    productsEn: carsEn,
    tags: ['surfacturation', 'atelier'],
    amount: [180, 1850],
    fr: {
      messages: [
        {
          subjects: ['Devis de réparation surfacturé', 'Réclamation contre votre concession'],
          text: 'Madame, Monsieur,\n\nMon véhicule ({produit}) a été déposé {chez} pour une rupture de courroie d’alternateur. Quelques jours plus tard, on m’annonce un « risque de panne imminente » et un devis qui grimpe à près de 4 000 €. Un spécialiste indépendant a relu le devis avec moi : une prestation est facturée deux fois (sous le code complet puis sous un sous-code), les travaux sont prévus pour une boîte automatique alors que ma voiture est en boîte manuelle, et une opération est totalement inutile.\n\nTrouvez-vous normal qu’un de vos concessionnaires tente ainsi d’arnaquer un client ? Que comptez-vous faire ?\n\n{prenom}',
          note: 'Devis vérifié avec le chef d’atelier : la ligne « boîte automatique » est une erreur, le véhicule est en boîte manuelle, et l’opération facturée deux fois est confirmée.',
          products: combustion,
        },
        {
          subjects: ['Double facturation sur ma révision', 'Facture d’atelier incompréhensible'],
          text: 'Bonjour,\nla facture de la révision de mon véhicule ({produit}) comprend le remplacement des plaquettes avant, qui avaient été changées il y a 8 000 km dans la même concession, et deux heures de main-d’œuvre pour un diagnostic que personne ne m’a demandé d’accepter. Soit {montant} de trop. J’attends une explication.',
          note: 'Historique atelier vérifié : plaquettes avant bien remplacées il y a 8 000 km. Diagnostic non validé par le client. Avoir à prévoir.',
        },
        {
          subjects: ['Forfait climatisation payé mais pas fait', 'Prestation facturée non réalisée'],
          text: 'Bonjour, j’ai payé {montant} {chez} pour un « forfait climatisation » qui n’a visiblement pas été fait : la clim souffle toujours chaud. Le chef d’atelier refuse de reprendre la voiture sans nouveau devis.',
          note: 'Concession appelée : le forfait climatisation n’a pas été saisi comme réalisé dans l’atelier. Reprise gratuite et avoir.',
        },
      ],
      short: [
        { subjects: ['Surfacturation en concession'], text: 'Belle voiture, mais méfiez-vous de certains concessionnaires Verdier qui surfacturent les réparations… J’en ai fait les frais.', public: true },
        { subjects: ['Double facturation, le garage nie tout'], text: 'Double facturation sur ma réparation chez Verdier, le garage nie tout. Merci qui ?', public: true },
      ],
    },
    en: {
      messages: [
        {
          subjects: ['Service invoice overcharged'],
          text: 'Hello,\n\nThe invoice for the service of my {produit} includes front brake pads that were replaced 8,000 km ago at the same dealer, plus two hours of diagnosis I never agreed to: {montant} too much. I expect an explanation.\n\n{prenom}',
        },
      ],
    },
  },
  {
    key: 'car-stuck-workshop',
    brand: 'auto',
    reason: 'breakdown',
    weight: 5,
    bought: 'dealer',
    paths: { repair: 1 },
    products: cars,
    productsEn: carsEn,
    tags: ['immobilisation', 'atelier'],
    amount: [150, 900],
    fr: {
      messages: [
        {
          subjects: ['Véhicule immobilisé depuis trois semaines', 'Toujours pas de date de réparation'],
          text: 'Bonjour,\nmon véhicule ({produit}) est immobilisé {chez} depuis trois semaines « en attente de pièce ». Personne n’est capable de me donner une date. J’ai besoin de mon véhicule pour travailler et on ne me propose pas de véhicule de courtoisie. Pouvez-vous intervenir ?',
        },
        {
          subjects: ['Voyant moteur et perte de puissance', 'Panne sous garantie : quel délai ?'],
          text: 'Bonjour, le voyant moteur s’est allumé sur l’autoroute et la voiture s’est mise en mode dégradé. Dépannage {chez}, diagnostic : vanne EGR. Le véhicule a 2 ans et 41 000 km, il est sous garantie. Quand sera-t-il réparé ?',
          products: combustion,
        },
        {
          subjects: ['Bruit métallique au démarrage', 'Demande de diagnostic sérieux'],
          text: 'Bonjour,\nmon véhicule ({produit}) fait un bruit métallique au démarrage à froid depuis un mois. Le garage m’a dit de « repasser si ça empire ». Ça empire. Je souhaite un diagnostic sérieux.',
        },
      ],
      short: [{ subjects: ['Voiture immobilisée depuis trois semaines'], text: 'Voiture immobilisée depuis 3 semaines chez un concessionnaire Verdier, aucune date, aucun véhicule de prêt. Super service 🙃', public: true }],
    },
    en: {
      messages: [{ subjects: ['Car stuck at the workshop for weeks'], text: 'Hello, my {produit} has been at your dealer for three weeks "waiting for a part" and nobody can give me a date. I need the car for work. Can you help?' }],
    },
  },
  {
    key: 'defective-part',
    brand: 'auto',
    reason: 'breakdown',
    weight: 4,
    bought: 'dealer',
    paths: { repair: 2, exchange: 2 },
    products: ['f:pompe à eau', 'f:batterie', 'm:kit d’embrayage', 'm:alternateur', 'm:disque de frein avant'],
    tags: ['pièce-défectueuse', 'garantie'],
    amount: [120, 780],
    fr: {
      messages: [
        {
          subjects: ['Pièce neuve déjà défectueuse', 'Même panne deux mois après la réparation'],
          text: 'Bonjour,\nla pièce remplacée il y a deux mois {chez} ({produit}) est déjà hors service : même symptôme qu’avant la réparation. On me demande de payer un nouveau diagnostic. La pièce et la main-d’œuvre sont pourtant garanties.',
        },
        {
          subjects: ['Fuite après remplacement d’une pièce', 'Pièce changée qui fuit'],
          text: 'Bonjour, depuis le remplacement de la pompe à eau {chez} {quand}, il y a une flaque sous la voiture chaque matin. Le garage parle d’un « défaut de série du fournisseur ». Qui prend en charge ?',
          products: ['f:pompe à eau'],
        },
      ],
    },
  },
  {
    key: 'warranty-refused',
    brand: 'auto',
    reason: 'breakdown',
    weight: 3,
    bought: 'dealer',
    paths: { dispute: 1, repair: 1 },
    priority: 'high',
    products: cars,
    tags: ['garantie', 'refus'],
    amount: [600, 2400],
    fr: {
      messages: [
        {
          subjects: ['Refus de prise en charge sous garantie', 'Garantie refusée pour l’embrayage'],
          text: 'Bonjour,\nla concession refuse de prendre en charge l’embrayage de mon véhicule ({produit}, 38 000 km, entretien fait chez vous) au motif d’une « usure anormale liée à la conduite ». Aucune expertise n’a été faite. Je conteste ce refus et demande une expertise contradictoire.',
          note: 'Expertise demandée au réseau : l’usure relevée est compatible avec un défaut d’origine ; la prise en charge doit être accordée.',
          products: combustion,
        },
        {
          subjects: ['Contestation d’un refus de garantie', 'Écran multimédia : garantie refusée'],
          text: 'Bonjour, on me refuse la garantie pour un écran multimédia qui ne s’allume plus, parce que le carnet d’entretien aurait « un tampon manquant ». L’entretien a été fait dans votre réseau, factures à l’appui.',
          note: 'Historique d’entretien vérifié : toutes les révisions ont été faites dans le réseau, le tampon manquant est un oubli de la concession.',
        },
      ],
    },
  },
  {
    key: 'new-car-delivery',
    brand: 'auto',
    reason: 'delivery',
    weight: 4,
    bought: 'dealer',
    paths: { answer: 1 },
    products: cars,
    productsEn: carsEn,
    tags: ['véhicule-neuf', 'livraison'],
    fr: {
      messages: [
        {
          subjects: ['Livraison de mon véhicule neuf repoussée', 'Date de livraison non tenue'],
          text: 'Bonjour,\nla livraison de mon véhicule ({produit}), commandé {quand}, a été repoussée pour la troisième fois. J’ai vendu mon ancienne voiture en comptant sur la date annoncée. Pouvez-vous me donner une date ferme et me proposer une solution de mobilité en attendant ?',
          answer: 'Nous avons obtenu de l’usine une date ferme : votre véhicule arrive à la concession dans 12 jours et vous serez appelé pour fixer la livraison. D’ici là, la concession met gratuitement un véhicule de prêt à votre disposition ; elle vous contacte demain pour l’organiser.',
        },
        {
          subjects: ['Toujours pas de carte grise', 'Certificat d’immatriculation non reçu'],
          text: 'Bonjour, voiture livrée {chez} il y a cinq semaines et toujours pas de carte grise définitive. Le certificat provisoire expire bientôt. Qui s’en occupe ?',
          answer: 'La demande d’immatriculation avait été bloquée par un justificatif de domicile illisible. La concession l’a renvoyé ce matin : la carte grise définitive vous parviendra sous 7 jours, et un nouveau certificat provisoire vous est envoyé par e-mail d’ici là.',
        },
      ],
    },
    en: {
      messages: [
        {
          subjects: ['Delivery of my new car postponed again'],
          text: 'Hello, the delivery of my {produit} has been postponed for the third time. I sold my previous car based on the announced date. Please give me a firm date and a mobility solution meanwhile.',
          answer: 'We have obtained a firm date from the factory: your car reaches the dealership in 12 days and you will be called to arrange the handover. Meanwhile the dealership lends you a car free of charge; they will contact you tomorrow to organise it.',
        },
      ],
    },
  },
  {
    key: 'accessory-order',
    brand: 'auto',
    reason: 'return',
    weight: 3,
    bought: 'online',
    paths: { exchange: 2, refund: 2 },
    products: ['m:jeu de tapis de sol', 'm:attelage démontable', 'f:paire de barres de toit', 'm:câble de recharge mode 3', 'f:paire de chaînes neige'],
    tags: ['accessoires'],
    amount: [45, 420],
    fr: {
      messages: [
        {
          subjects: ['Accessoire incompatible avec mon véhicule', 'Retour d’un accessoire'],
          text: 'Bonjour,\nj’ai commandé {un_produit} sur la boutique accessoires (commande {commande}) en indiquant bien mon modèle, mais ce n’est pas compatible. Comment faire le retour ?',
        },
        {
          subjects: ['Commande d’accessoire incomplète', 'Visserie manquante'],
          text: 'Bonjour, {le_produit} de la commande {commande} est arrivé sans la notice ni la visserie. Pouvez-vous m’envoyer les pièces manquantes ou reprendre le tout ?',
          products: ['m:attelage démontable', 'm:jeu de tapis de sol'],
        },
      ],
    },
  },
  {
    key: 'dealer-service',
    brand: 'auto',
    reason: 'other',
    weight: 4,
    bought: 'dealer',
    paths: { answer: 1 },
    products: cars,
    tags: ['relation-concession'],
    fr: {
      messages: [
        {
          subjects: ['Rappel constructeur : pas de créneau', 'Campagne de rappel : délai de deux mois'],
          text: 'Bonjour,\nj’ai reçu un courrier de rappel pour mon véhicule ({produit}), mais la concession n’a pas de créneau avant deux mois. Est-ce normal pour une campagne de rappel de sécurité ?',
          answer: 'Non, ce délai n’est pas normal pour un rappel de sécurité. Nous avons demandé à la concession de vous recevoir en priorité : elle vous appelle sous 48 heures pour fixer un rendez-vous dans les dix jours, avec un véhicule de prêt si l’intervention dépasse une demi-journée.',
        },
        {
          subjects: ['Véhicule de courtoisie promis non disponible', 'Location payée faute de véhicule de prêt'],
          text: 'Bonjour, un véhicule de courtoisie m’avait été promis par écrit pour la durée de la réparation. Le jour J, « il n’y en a plus ». J’ai dû louer une voiture à mes frais. Je demande le remboursement de la location.',
          answer: 'L’engagement écrit de la concession devait être tenu. Envoyez-nous simplement la facture de location en répondant à ce message : elle vous sera remboursée intégralement sous 10 jours ouvrés.',
        },
        {
          subjects: ['Impossible de joindre l’atelier', 'Personne ne répond à la concession'],
          text: 'Bonjour,\nje n’arrive à joindre personne à l’atelier depuis une semaine : le téléphone sonne dans le vide et mes e-mails restent sans réponse. Je voudrais juste prendre rendez-vous pour la révision.',
          answer: 'Désolés pour ce silence. Nous avons transmis votre demande au chef d’atelier, qui vous appelle demain matin pour fixer la révision. Vous pouvez aussi désormais prendre rendez-vous en ligne depuis la page de la concession.',
        },
      ],
      short: [
        {
          subjects: ['Atelier injoignable depuis une semaine'],
          text: 'Une semaine que j’essaie de joindre l’atelier de ma concession Verdier. Personne. Ni au téléphone, ni par mail.',
          answer: 'Désolés pour ce silence ! Nous avons prévenu le chef d’atelier, il vous rappelle demain matin. Pouvez-vous nous envoyer votre numéro en message privé ?',
          public: true,
        },
      ],
    },
  },
];
