// Questions and remarks rather than breakdowns: how to set up or store a product, a car's
// warning light, loyalty points, opening hours, a thank-you. Each wording carries the
// answer that fits it, so a reply never talks about something else.
import type { Story } from './demo.story.ts';

export const questionStories: Story[] = [
  {
    key: 'usage-garden',
    brand: 'garden',
    reason: 'usage',
    weight: 9,
    bought: 'any',
    paths: { answer: 1 },
    products: ['m:programmateur d’arrosage Hydrotime T-30 Duo'],
    tags: ['conseil'],
    fr: {
      messages: [
        {
          subjects: ['Question sur la programmation', 'Deux arrosages par jour : comment faire ?'],
          text: 'Bonjour,\nje n’arrive pas à programmer deux arrosages par jour sur {le_produit}, il ne garde que le dernier réglage. La notice n’est pas claire sur ce point. Pouvez-vous m’expliquer ?',
          answer: 'Voici la marche à suivre pour {le_produit} :\n1. maintenez la touche Menu 3 secondes ;\n2. choisissez « Cycle 2 » avec les flèches puis validez l’heure de départ ;\n3. répétez pour chaque plage horaire, l’écran affiche alors « 2× ».\nNous avons aussi une courte vidéo sur la fiche produit. Si ça ne fonctionne toujours pas, répondez simplement à ce message.',
        },
        {
          subjects: ['Comment hiverner mon matériel ?', 'Rangement pour l’hiver'],
          text: 'Bonjour, comment faut-il hiverner {le_produit} ? Faut-il le vidanger, le rentrer, retirer la batterie ? Je ne trouve pas l’information sur votre site.',
          products: ['f:pompe de bassin Aquavive 3000', 'f:tondeuse sans fil Tondeo 40V', 'm:robot tondeuse Robocut 600', 'm:programmateur d’arrosage Hydrotime T-20'],
          answer: 'Bonne question ! Pour {le_produit}, nous conseillons : vidanger ou nettoyer complètement, retirer piles ou batterie (à stocker chargée à moitié, à l’intérieur) et ranger l’appareil à l’abri du gel. Vous trouverez le tutoriel pas à pas dans votre espace client. Bonne fin de saison !',
        },
        {
          subjects: ['Notice de montage introuvable', 'Notice ne correspondant pas aux pièces'],
          text: 'Bonjour,\nla notice de montage {du_produit} ne correspond pas aux pièces reçues (les repères ne sont pas les mêmes). Avez-vous une version à jour, ou une vidéo ?',
          products: ['m:abri de jardin en bois 6 m²', 'f:serre polycarbonate 4 m²', 'm:salon de jardin 6 places'],
          answer: 'Vous avez raison : la notice imprimée {du_produit} contenait une erreur de repères. La version corrigée est jointe à ce message, et la vidéo de montage est sur la fiche produit. Merci de l’avoir signalé, nous l’avons remonté au fournisseur.',
        },
        {
          subjects: ['Quel mélange pour mon moteur 2 temps ?', 'Mélange huile/essence'],
          text: 'Bonjour, pour {le_produit}, quel mélange huile/essence dois-je utiliser ? Le vendeur m’a dit 2 %, la notice parle de 4 %.',
          products: ['m:taille-haie thermique Verdissimo', 'f:débroussailleuse thermique Verdissimo 43 cm'],
          answer: 'Pour {le_produit}, le bon mélange est 2 % (50:1) avec une huile 2 temps synthétique, comme indiqué sur l’autocollant du réservoir ; les 4 % de l’ancienne notice concernaient une huile minérale. Préparez le mélange au fur et à mesure, il se conserve mal au-delà d’un mois.',
        },
      ],
      short: [
        {
          subjects: ['Réglage du programmateur'],
          text: 'Bonjour, une petite question : comment on règle {le_produit} pour deux arrosages par jour ?',
          answer: 'Menu 3 secondes, puis « Cycle 2 » et l’heure de départ : l’écran affiche « 2× ». La vidéo est sur la fiche produit 😉',
        },
        {
          subjects: ['Vidéo de montage'],
          text: 'Vous avez une vidéo de montage pour {le_produit} ? La notice est incompréhensible 😅',
          products: ['m:abri de jardin en bois 6 m²', 'f:serre polycarbonate 4 m²'],
          answer: 'Oui ! La vidéo de montage {du_produit} est sur la fiche produit, et nous vous envoyons la notice corrigée par e-mail.',
        },
      ],
    },
    en: {
      messages: [
        {
          subjects: ['Winter storage question'],
          text: 'Hello, how should I store {le_produit} for the winter? Should I drain it or remove the battery? I could not find it on your website.',
          products: ['Aquavive 3000 pond pump', 'Tondeo 40V cordless mower'],
          answer: 'For {le_produit} we recommend draining or cleaning it fully, removing the battery (stored half charged, indoors) and keeping it away from frost. The step-by-step guide is in your customer account.',
        },
      ],
    },
  },
  {
    key: 'other-garden',
    brand: 'garden',
    reason: 'other',
    weight: 5,
    bought: 'store',
    paths: { answer: 1 },
    products: ['f:carte fidélité'],
    tags: ['fidélité'],
    fr: {
      messages: [
        {
          subjects: ['Points fidélité non crédités', 'Il me manque des points sur ma carte'],
          text: 'Bonjour,\nmes achats du mois dernier n’apparaissent pas sur ma carte fidélité, il me manque environ 300 points. J’ai pourtant présenté la carte à chaque passage en caisse.',
          answer: 'Vos deux passages en caisse du mois dernier n’avaient pas été rattachés à votre carte. C’est corrigé : 312 points viennent d’être crédités, ils apparaissent dans votre espace client.',
        },
        {
          subjects: ['Horaires d’ouverture un jour férié', 'Magasin ouvert le lundi de Pentecôte ?'],
          text: 'Bonjour, le magasin sera-t-il ouvert le lundi de Pentecôte ? Votre site indique des horaires différents de ceux affichés sur la porte.',
          answer: 'Oui, le magasin est ouvert le lundi de Pentecôte de 9h à 19h. Vous avez raison, la page du site n’était pas à jour : c’est corrigé. Merci de nous l’avoir signalé.',
        },
        {
          subjects: ['Bon d’achat refusé en caisse', 'Bon d’achat non accepté'],
          text: 'Bonjour,\non m’a refusé en caisse le bon d’achat reçu par e-mail au motif qu’il « n’est valable qu’en ligne ». Rien de tel n’est écrit dessus. Pouvez-vous vérifier ?',
          answer: 'Votre bon d’achat est bien valable en magasin comme en ligne ; la caisse n’avait pas la bonne consigne, l’équipe a été informée. Nous avons prolongé sa validité d’un mois pour le dérangement.',
        },
        {
          subjects: ['Merci au vendeur du rayon motoculture', 'Un grand merci'],
          text: 'Bonjour, je voulais simplement remercier le vendeur du rayon motoculture qui a pris une demi-heure pour me conseiller samedi et qui m’a évité un mauvais achat. Ça fait plaisir.',
          answer: 'Un grand merci pour ce message ! Nous l’avons transmis à l’équipe du magasin et au vendeur concerné : cela leur fait très plaisir.',
        },
      ],
    },
  },
  {
    key: 'usage-auto',
    brand: 'auto',
    reason: 'usage',
    weight: 5,
    bought: 'dealer',
    paths: { answer: 1 },
    products: ['f:Verdier Azur hybride', 'm:Verdier Causse SW diesel', 'f:Verdier Ondine électrique'],
    productsEn: ['Verdier Azur hybrid', 'Verdier Causse SW diesel', 'Verdier Ondine EV'],
    tags: ['conseil'],
    fr: {
      messages: [
        {
          subjects: ['Téléphone non reconnu par l’écran multimédia', 'Bluetooth qui ne fonctionne plus'],
          text: 'Bonjour,\ndepuis la dernière mise à jour, l’écran de mon véhicule ({produit}) ne reconnaît plus mon téléphone en Bluetooth. J’ai supprimé et réappairé, sans succès. Y a-t-il une manipulation ?',
          answer: 'C’est un problème connu de la mise à jour 4.2 : dans Réglages > Connexions, supprimez tous les appareils, éteignez le véhicule cinq minutes portes fermées, puis réappairez. La mise à jour 4.3, disponible en concession, le corrige définitivement.',
        },
        {
          subjects: ['Question sur l’entretien', 'Intervalle de vidange'],
          text: 'Bonjour, quel est l’intervalle de vidange préconisé pour mon véhicule ({produit}) ? Le carnet parle de 30 000 km, le garage me dit 15 000.',
          products: ['m:Verdier Causse SW diesel', 'f:Verdier Azur 1.2 essence'],
          answer: 'Le carnet a raison : 30 000 km ou 2 ans, au premier des deux termes. Le garage conseille 15 000 km en usage sévère (trajets très courts, remorquage) ; ce n’est pas obligatoire pour la garantie.',
        },
        {
          subjects: ['Voyant orange au tableau de bord', 'Voyant de pression des pneus allumé'],
          text: 'Bonjour,\nun voyant orange en forme de pneu s’allume depuis que j’ai fait regonfler les pneus. Est-ce grave ? Comment le réinitialiser ?',
          answer: 'Rien de grave : le système doit réapprendre les pressions. Pneus à froid et aux bonnes pressions, allez dans Réglages > Véhicule > Pression des pneus > Réinitialiser, puis roulez une dizaine de minutes : le voyant s’éteint.',
        },
        {
          subjects: ['Recharge de mon véhicule électrique', 'Recharge lente sur borne rapide'],
          text: 'Bonjour, mon véhicule ({produit}) ne charge qu’à 7 kW sur une borne rapide. Est-ce normal ou faut-il régler quelque chose ?',
          products: ['f:Verdier Ondine électrique'],
          answer: 'Sur une borne rapide, il faut utiliser le connecteur combo CCS ; en câble type 2, la charge est limitée à 7 kW par le chargeur embarqué. Si la charge reste lente en CCS, la concession peut lire l’historique de charge sur rendez-vous.',
        },
      ],
      short: [
        {
          subjects: ['Voyant pneus'],
          text: 'Bonjour, comment on réinitialise le voyant de pression des pneus sur une Azur ?',
          answer: 'Réglages > Véhicule > Pression des pneus > Réinitialiser, pneus à froid, puis une dizaine de minutes de route 👍',
        },
      ],
    },
    en: {
      messages: [
        {
          subjects: ['Phone no longer recognised by the infotainment screen'],
          text: 'Hello, since the last update the screen of my {produit} no longer pairs with my phone over Bluetooth. I deleted and re-paired it. Is there a fix?',
          answer: 'This is a known issue with update 4.2: delete all devices in Settings > Connections, switch the car off for five minutes with the doors closed, then pair again. Update 4.3, available at your dealer, fixes it for good.',
        },
      ],
    },
  },
];
